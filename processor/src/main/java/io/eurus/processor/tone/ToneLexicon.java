package io.eurus.processor.tone;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.eurus.platform.StartupException;
import io.eurus.platform.config.ConfigFile;
import io.eurus.platform.config.Problems;
import io.eurus.processor.text.Languages;
import io.eurus.processor.text.PhraseIndex;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The diplomatic lexicon ({@code eurus/tone-lexicon.yaml} by default): per language, conflict and cooperation
 * terms by CAMEO class with their weights, and the cue words for negation, reversal, modality and contrast.
 * Compiled into stem indexes for the configured languages; every problem of the file is reported at once, with its
 * path ({@code en.classes.verbal-conflict.terms: weight of 'condemn' is 1.5, …}).
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

  /** The file as written: each language's entry. */
  private record LexiconFile(Map<String, LanguageEntry> languages) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    LexiconFile {
      languages = languages == null ? Map.of() : languages;
    }
  }

  private record ClassEntry(Double weight, Map<String, Double> terms) {
  }

  private record LanguageEntry(List<String> negators, List<String> reversers, List<String> modals,
      List<String> contrast, Map<String, ClassEntry> classes, Map<String, Double> polarity) {
  }

  private static final ConfigFile<LexiconFile> FILE = ConfigFile.of("lexicon", LexiconFile.class);

  private final Map<String, Compiled> byLanguage = new HashMap<>();

  private ToneLexicon(LexiconFile file, Languages languages, Problems problems) {
    file.languages().forEach((language, entry) -> {
      // A lexicon may hold more languages than this deployment analyses.
      if (entry != null && languages.supports(language)) {
        byLanguage.put(language, compile(language, entry, languages, problems.at(language)));
      }
    });
  }

  public static ToneLexicon bundled(Languages languages) {
    return reader(languages).readBundled(BUNDLED);
  }

  /**
   * The lexicon in {@code file}, compiled for {@code languages}.
   *
   * @throws StartupException naming the file and every problem in it
   */
  public static ToneLexicon load(Path file, Languages languages) {
    return reader(languages).read(file);
  }

  private static ConfigFile<ToneLexicon> reader(Languages languages) {
    return FILE.making((file, problems) -> new ToneLexicon(file, languages, problems));
  }

  private static Compiled compile(String language, LanguageEntry entry, Languages languages, Problems at) {
    PhraseIndex<Term> terms = new PhraseIndex<>();
    if (entry.classes() != null) {
      entry.classes().forEach((label, cls) -> {
        CameoClass cameo;
        try {
          cameo = CameoClass.fromLabel(label);
        } catch (IllegalArgumentException e) {
          at.add("classes", "'" + label + "' is not a CAMEO class (verbal-cooperation, material-cooperation, verbal-conflict, "
              + "material-conflict)");
          return;
        }
        if (cls == null || cls.terms() == null) {
          return;
        }
        double fallback = cls.weight() == null ? 0.5 : cls.weight();
        cls.terms().forEach((term, given) -> {
          double weight = given == null ? fallback : given;
          if (weight < 0 || weight > 1) {
            at.at("classes").at(label).add("terms", "weight of '" + term + "' is " + weight + ", not in [0, 1] (the class gives the sign)");
          }
          terms.add(languages.stems(language, term), new Term(term, cameo, cameo.sign() * weight));
        });
      });
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
      words.stream().filter(Objects::nonNull).forEach(word -> index.add(languages.stems(language, word), cue));
    }
  }

  /** The compiled lexicon of {@code language}, or null when the lexicon has none for it. */
  public Compiled of(String language) {
    return byLanguage.get(language);
  }
}
