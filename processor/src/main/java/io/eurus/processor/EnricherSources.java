package io.eurus.processor;

import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import io.eurus.processor.profile.WatchProfile;
import io.eurus.processor.rules.RuleBook;
import io.eurus.processor.rules.RuleMatcher;
import io.eurus.processor.text.Languages;
import io.eurus.processor.tone.ToneLexicon;
import io.eurus.processor.tone.ToneModels;
import io.eurus.processor.tone.ToneScorer;
import io.eurus.processor.tone.VaderPolarity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the enricher's knowledge comes from: the watch profile, the rules, the tone lexicon (each a file, or the
 * bundled EU–Russia default when null), the languages and the tone models. {@link #open} reads and checks all of
 * them, reporting every problem at once.
 *
 * @param toneModels folder of the tone heads ({@code head-<language>.json}); null for the bundled ones
 * @param tone       how the tone models run: whether at all, their cache, how many sentences are explained
 */
public record EnricherSources(Path profile, Path rules, Path lexicon, List<String> languages, Duration rulesReload,
    Path toneModels, ToneSettings tone, boolean allowNoRules) {

  /** How the tone models run. */
  public record ToneSettings(boolean models, int cacheSize, int explainSentences) {
    public static final ToneSettings DEFAULT = new ToneSettings(true, 100_000, 1);
    /** The lexicon alone, as before the models (for tests of the lexicon and of what does not depend on tone). */
    public static final ToneSettings LEXICON_ONLY = new ToneSettings(false, 0, 0);
  }

  public EnricherSources(Path profile, Path rules, Path lexicon, List<String> languages, Duration rulesReload,
      boolean allowNoRules) {
    this(profile, rules, lexicon, languages, rulesReload, null, ToneSettings.DEFAULT, allowNoRules);
  }

  public static EnricherSources defaults() {
    return new EnricherSources(null, null, null, List.of("en:english", "ru:russian"), Duration.ZERO, false);
  }

  public EnricherSources withRules(Path file) {
    return new EnricherSources(profile, file, lexicon, languages, rulesReload, toneModels, tone, allowNoRules);
  }

  public EnricherSources withProfile(Path file) {
    return new EnricherSources(file, rules, lexicon, languages, rulesReload, toneModels, tone, allowNoRules);
  }

  public EnricherSources withLexicon(Path file) {
    return new EnricherSources(profile, rules, file, languages, rulesReload, toneModels, tone, allowNoRules);
  }

  public EnricherSources withToneModels(Path folder) {
    return new EnricherSources(profile, rules, lexicon, languages, rulesReload, folder, tone, allowNoRules);
  }

  public EnricherSources withTone(ToneSettings settings) {
    return new EnricherSources(profile, rules, lexicon, languages, rulesReload, toneModels, settings, allowNoRules);
  }

  /**
   * @param onRulesLoaded told of every rule set put in force (at start and on each reload)
   * @throws StartupException naming every file that cannot be used and why
   */
  public OpenEnricher open(Consumer<RuleMatcher> onRulesLoaded) {
    return open(RuleBook.Listener.onLoad(onRulesLoaded), List.of());
  }

  /**
   * @param rulesWatch    told of every rule set put in force, and of the rules file's problems
   * @param otherProblems problems already found in the rest of the processor's configuration, reported together
   *                      with these files' problems
   */
  public OpenEnricher open(RuleBook.Listener rulesWatch, List<String> otherProblems) {
    List<String> problems = new ArrayList<>(otherProblems);
    Languages langs = attempt(() -> Languages.parse(languages), problems);
    if (langs == null) {
      throw new StartupException(String.join("; ", problems));
    }
    WatchProfile watch = attempt(() -> profile == null ? WatchProfile.defaults() : WatchProfile.load(profile), problems);
    ToneLexicon lexiconTerms = attempt(() -> lexicon == null ? ToneLexicon.bundled(langs) : ToneLexicon.load(lexicon, langs), problems);
    ToneModels models = attempt(() -> tone.models() ? ToneModels.load(toneModels, langs.codes(), tone.cacheSize())
        : ToneModels.none(), problems);
    RuleBook book = attempt(() -> rules == null ? RuleBook.bundled(langs)
        : RuleBook.watching(rules, langs, rulesReload, allowNoRules, rulesWatch), problems);
    if (!problems.isEmpty()) {
      if (book != null) {
        book.close();
      }
      if (models != null) {
        models.close();
      }
      throw new StartupException(problems.size() == 1 ? problems.get(0)
          : "cannot start the processor:" + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", problems));
    }
    if (rules == null) {
      rulesWatch.loaded(book.current());
    }
    ArticleEnricher enricher = new ArticleEnricher(watch, book, new ToneScorer(langs, lexiconTerms, VaderPolarity.fromBundledLexicon()),
        models, tone.explainSentences());
    return new OpenEnricher(enricher, book, models);
  }

  private static <T> T attempt(java.util.function.Supplier<T> load, List<String> problems) {
    try {
      return load.get();
    } catch (StartupException e) {
      problems.addAll(SettingsException.problemsOf(e));
      return null;
    }
  }

  /** An enricher, the rules it watches and its tone models; closing it stops the watching and frees the models. */
  public record OpenEnricher(ArticleEnricher enricher, RuleBook rules, ToneModels models) implements AutoCloseable {
    @Override
    public void close() {
      rules.close();
      models.close();
    }
  }
}
