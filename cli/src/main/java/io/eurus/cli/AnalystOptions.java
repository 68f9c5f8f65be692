package io.eurus.cli;

import io.eurus.processor.EnricherSources;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The knowledge files an analyst command reads, each defaulting to the bundled EU–Russia one. */
final class AnalystOptions {

  @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (YAML) to try instead of the bundled EU–Russia rules.")
  Path rules;

  @Option(names = "--profile", paramLabel = "FILE", description = "Watch profile (YAML) instead of the bundled EU–Russia profile.")
  Path profile;

  @Option(names = "--lexicon", paramLabel = "FILE", description = "Tone lexicon (YAML) instead of the bundled diplomatic lexicon.")
  Path lexicon;

  /** How a rules problem names the rules: the file given, else the bundled rules. */
  String rulesName() {
    return rules == null ? "bundled rules" : rules.toString();
  }

  EnricherSources sources() {
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
    return sources;
  }
}
