package io.eurus.processor.tone;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.platform.StartupException;
import io.eurus.processor.text.Languages;
import io.eurus.processor.text.PhraseIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diplomatic lexicon ({@code eurus/tone-lexicon.yaml} by default): per language, conflict and cooperation
 * terms by CAMEO class with their weights, and the cue words for negation, reversal, modality and contrast.
 * Compiled into stem indexes for the configured languages.
 */
public final class ToneLexicon {

  public static final String BUNDLED = "/eurus/tone-lexicon.yaml";

  /** A lexicon term: its written form, class and signed weight. */
  public record Term(String text, CameoClass cameo, double weight) {
  }

  /** What a cue word does to the terms after it. */
  public enum Cue { NEGATOR, REVERSER, MODAL, CONTRAST }

  /** One language's compiled lexicon. */
  public record Compiled(PhraseIndex<Term> terms, PhraseIndex<Cue> cues, PhraseIndex<Double> polarity) {
  }

  private record ClassEntry(Double weight, Map<String, Double> terms) {
  }

  private record LanguageEntry(List<String> negators, List<String> reversers, List<String> modals,
      List<String> contrast, Map<String, ClassEntry> classes, Map<String, Double> polarity) {
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, Compiled> byLanguage = new HashMap<>();

  private ToneLexicon(Map<String, LanguageEntry> entries, Languages languages, String what) {
    List<String> problems = new ArrayList<>();
    for (var language : entries.entrySet()) {
      if (!languages.supports(language.getKey())) {
        continue; // a lexicon may hold more languages than this deployment analyses
      }
      byLanguage.put(language.getKey(), compile(language.getKey(), language.getValue(), languages, problems));
    }
    if (!problems.isEmpty()) {
      throw new StartupException(what + ": " + String.join("; ", problems));
    }
  }

  public static ToneLexicon bundled(Languages languages) {
    try (InputStream in = ToneLexicon.class.getResourceAsStream(BUNDLED)) {
      return read(in, languages, "bundled lexicon " + BUNDLED);
    } catch (IOException e) {
      throw new IllegalStateException("bundled lexicon unreadable", e);
    }
  }

  /** @throws StartupException naming the file and every problem in it */
  public static ToneLexicon load(Path file, Languages languages) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, languages, "lexicon " + file);
    } catch (IOException e) {
      throw new StartupException("lexicon " + file + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  private static ToneLexicon read(InputStream in, Languages languages, String what) {
    Map<String, LanguageEntry> entries;
    try {
      entries = YAML.readValue(in, new TypeReference<LinkedHashMap<String, LanguageEntry>>() { });
    } catch (IOException e) {
      throw new StartupException(what + ": not a tone lexicon: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    return new ToneLexicon(entries == null ? Map.of() : entries, languages, what);
  }

  private static Compiled compile(String language, LanguageEntry entry, Languages languages, List<String> problems) {
    PhraseIndex<Term> terms = new PhraseIndex<>();
    if (entry.classes() != null) {
      for (var cls : entry.classes().entrySet()) {
        CameoClass cameo;
        try {
          cameo = CameoClass.fromLabel(cls.getKey());
        } catch (IllegalArgumentException e) {
          problems.add(language + ": '" + cls.getKey() + "' is not a CAMEO class (verbal-cooperation, "
              + "material-cooperation, verbal-conflict, material-conflict)");
          continue;
        }
        ClassEntry classEntry = cls.getValue();
        double fallback = classEntry.weight() == null ? 0.5 : classEntry.weight();
        for (var term : classEntry.terms().entrySet()) {
          double weight = term.getValue() == null ? fallback : term.getValue();
          if (weight < 0 || weight > 1) {
            problems.add(language + ": weight of '" + term.getKey() + "' is " + weight + ", not in [0, 1] (the class gives the sign)");
          }
          terms.add(languages.stems(language, term.getKey()), new Term(term.getKey(), cameo, cameo.sign() * weight));
        }
      }
    }
    PhraseIndex<Cue> cues = new PhraseIndex<>();
    addAll(cues, entry.negators(), Cue.NEGATOR, language, languages);
    addAll(cues, entry.reversers(), Cue.REVERSER, language, languages);
    addAll(cues, entry.modals(), Cue.MODAL, language, languages);
    addAll(cues, entry.contrast(), Cue.CONTRAST, language, languages);
    PhraseIndex<Double> polarity = new PhraseIndex<>();
    if (entry.polarity() != null) {
      entry.polarity().forEach((word, valence) -> polarity.add(languages.stems(language, word), valence));
    }
    return new Compiled(terms, cues, polarity);
  }

  private static void addAll(PhraseIndex<Cue> index, List<String> words, Cue cue, String language, Languages languages) {
    if (words != null) {
      words.forEach(word -> index.add(languages.stems(language, word), cue));
    }
  }

  /** The compiled lexicon of {@code language}, or null when the lexicon has none for it. */
  public Compiled of(String language) {
    return byLanguage.get(language);
  }
}
