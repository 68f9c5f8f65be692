package io.eurus.cli;

import io.eurus.processor.EnricherSources;
import io.eurus.processor.rules.RuleMatcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The knowledge files an analyst command reads, each defaulting to the bundled EU–Russia one. */
public final class AnalystOptions {

  @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (YAML) to try instead of the bundled EU–Russia rules.")
  Path rules;

  @Option(names = "--profile", paramLabel = "FILE", description = "Watch profile (YAML) instead of the bundled EU–Russia profile.")
  Path profile;

  @Option(names = "--lexicon", paramLabel = "FILE", description = "Tone lexicon (YAML) instead of the bundled diplomatic lexicon.")
  Path lexicon;

  @Option(names = "--lexicon-tone",
      description = "Relations tone from the diplomatic lexicon alone, as before the trained models: to compare the two.")
  boolean lexiconTone;

  /** Tells the person at the terminal of each rule left out, naming the rules file (or the bundled rules). */
  public Consumer<RuleMatcher> reportRuleProblems(PrintWriter err) {
    String name = rules == null ? "bundled rules" : rules.toString();
    return matcher -> matcher.problems().forEach(problem -> err.println("eurus: " + name + ": " + problem + " (left out)"));
  }

  public EnricherSources sources() {
    EnricherSources sources = EnricherSources.defaults();
    if (rules != null) {
      sources = sources.withRules(rules);
    }
    if (profile != null) {
      sources = sources.withProfile(profile);
    }
    if (lexicon != null) {
      sources = sources.withLexicon(lexicon);
    }
    if (lexiconTone) {
      sources = sources.withTone(EnricherSources.ToneSettings.LEXICON_ONLY);
    }
    return sources;
  }
}
