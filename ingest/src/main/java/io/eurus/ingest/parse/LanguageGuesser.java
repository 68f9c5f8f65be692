package io.eurus.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of an article, by OpenNLP's language detector (the 103-language model from the
 * {@code opennlp-models-langdetect} artifact, loaded once from the classpath). Short or ambiguous text
 * falls back to the feed's language hint, then to {@code und}.
 */
public final class LanguageGuesser {

  /** Below this many letters the detector guesses; the feed's hint is more reliable. */
  static final int MIN_LETTERS = 24;
  /**
   * How far the best language must lead the runner-up. Confidences are spread over 103 languages, so a
   * clear sentence scores only 0.05-0.3; the lead over the next language is what tells a guess from a call.
   */
  static final double MIN_LEAD = 1.5;
  /** Detection reads this much of the text: a few sentences decide it, more only costs time. */
  private static final int MAX_CHARS = 300;
  private static final Map<String, String> ISO_639_3_TO_1 = isoCodes();

  private final ThreadLocal<LanguageDetectorME> detector;

  private LanguageGuesser(LanguageDetectorModel model) {
    this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
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

  /** ISO 639-1 code of {@code text}'s language; {@code hint}, else {@code und}, when the text cannot tell. */
  public String guess(String text, String hint) {
    String fallback = hint == null || hint.isBlank() ? "und" : hint;
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
      return fallback;
    }
    Language[] ranked = detector.get().predictLanguages(sample);
    Language best = ranked[0];
    String code = ISO_639_3_TO_1.get(best.getLang());
    if (code == null || ranked.length > 1 && best.getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
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
