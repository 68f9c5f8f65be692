package io.eurus.ingest.parse;

import io.eurus.events.Article;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The language of an article, by OpenNLP's language detector (the 103-language model from the
 * {@code opennlp-models-langdetect} artifact, loaded once per process from the classpath). Short or
 * ambiguous text falls back to the feed's language hint, then to {@code und}.
 *
 * <p>The model is evaluated directly on the character 1- to 3-grams of the text. OpenNLP's own detector
 * first runs a chain of regular-expression normalisers for tweets (URLs, e-mails, emojis, repeated
 * letters) that cost twice the evaluation itself; article text is already plain (jsoup), so only digits
 * are blanked here, cheaply, as its number normaliser would.
 */
public final class LanguageGuesser {

  /** Below this many letters the detector guesses; the feed's hint is more reliable. */
  static final int MIN_LETTERS = 24;
  /**
   * How far the best language must lead the runner-up. Probabilities are spread over 103 languages, so a
   * clear sentence scores only 0.05-0.3; the lead over the next language is what tells a guess from a call.
   */
  static final double MIN_LEAD = 1.5;
  /** Detection reads this much of the text (title and first sentence): enough to decide, and its cost grows with it. */
  private static final int MAX_CHARS = 160;
  private static final Map<String, String> ISO_639_3_TO_1 = isoCodes();

  private final MaxentModel model;
  private final LanguageDetectorContextGenerator ngrams = new DefaultLanguageDetectorContextGenerator(1, 3);

  private LanguageGuesser(LanguageDetectorModel model) {
    this.model = model.getMaxentModel();
  }

  /** The bundled model, loaded once per process on first use: it is immutable and large (about 10 MB on disk). */
  public static LanguageGuesser shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    private static final LanguageGuesser INSTANCE = load();
  }

  /** Loads the bundled model (under a second). */
  static LanguageGuesser load() {
    try (InputStream in = LanguageGuesser.class.getResourceAsStream("/langdetect-183.bin")) {
      if (in == null) {
        throw new IllegalStateException("langdetect-183.bin is missing from the classpath (opennlp-models-langdetect)");
      }
      return new LanguageGuesser(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the language model: " + e.getMessage(), e);
    }
  }

  /**
   * ISO 639-1 code of an article's language, read from its title and the start of its text; {@code hint}, else
   * {@code und}, when they cannot tell. How ingest and every command derive an article's language.
   */
  public String of(Article article, String hint) {
    return guess(Objects.toString(article.title(), "") + ". " + Objects.toString(article.text(), ""), hint);
  }

  /** ISO 639-1 code of {@code text}'s language; {@code hint}, else {@code und}, when the text cannot tell. Thread-safe. */
  public String guess(String text, String hint) {
    String fallback = hint == null || hint.isBlank() ? "und" : hint;
    int letters = 0;
    int end = Math.min(text.length(), MAX_CHARS);
    char[] sample = new char[end];
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      }
      sample[i] = Character.isDigit(c) ? ' ' : Character.toLowerCase(c);
    }
    if (letters < MIN_LETTERS) {
      return fallback;
    }
    CharSequence[] context = ngrams.getContext(new String(sample));
    double[] probabilities = model.eval(Arrays.stream(context).map(CharSequence::toString).toArray(String[]::new));
    int best = 0;
    int second = -1;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        second = best;
        best = i;
      } else if (second < 0 || probabilities[i] > probabilities[second]) {
        second = i;
      }
    }
    String code = ISO_639_3_TO_1.get(model.getOutcome(best));
    if (code == null || second >= 0 && probabilities[best] < MIN_LEAD * probabilities[second]) {
      return fallback;
    }
    return code;
  }

  private static Map<String, String> isoCodes() {
    Map<String, String> codes = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        codes.put(new Locale(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code known for it
      }
    }
    // The model labels some languages by an individual code where ISO 639-1 names the macrolanguage.
    codes.putAll(Map.of("cmn", "zh", "pes", "fa", "zlm", "ms", "ekk", "et", "lvs", "lv", "swh", "sw",
        "azj", "az", "uzn", "uz", "nor", "no"));
    return codes;
  }
}
