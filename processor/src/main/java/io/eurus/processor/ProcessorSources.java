package io.eurus.processor;

import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.rules.RuleBook;
import io.eurus.processor.rules.RuleMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * Everything the processor's topology is made from: the enricher's sources (watch profile, rules, lexicon,
 * languages) and the detectors file (null: the bundled one). The service and {@code eurus replay} both open them
 * here, so both run the same topology from the same checked files.
 */
public record ProcessorSources(EnricherSources enricher, Path detectors) {

  /**
   * Reads and checks every file, reporting every problem at once; a detectors file written for another watch
   * profile is refused (its series would carry the wrong profile's name).
   *
   * @param onRulesLoaded told of every rule set put in force (at start and on each reload)
   * @throws StartupException naming every file that cannot be used and why
   */
  public OpenProcessor open(Consumer<RuleMatcher> onRulesLoaded) {
    return openWatching(RuleBook.Listener.onLoad(onRulesLoaded));
  }

  /** As {@link #open(Consumer)}, telling {@code rulesWatch} of the rules file's problems too. */
  public OpenProcessor openWatching(RuleBook.Listener rulesWatch) {
    List<String> problems = new ArrayList<>();
    DetectorConfig config = null;
    try {
      config = DetectorConfig.from(detectors);
    } catch (StartupException e) {
      problems.addAll(SettingsException.problemsOf(e));
    }
    EnricherSources.OpenEnricher open = enricher.open(rulesWatch, problems);
    try {
      return new OpenProcessor(open, config.requireProfile(open.enricher().profileId()));
    } catch (StartupException e) {
      open.close();
      throw e;
    }
  }

  /** The checked enricher and detectors, ready to build the topology; closing it stops watching the rules file. */
  public record OpenProcessor(EnricherSources.OpenEnricher enricher, DetectorConfig detectors) implements AutoCloseable {

    /** Adds the whole processor topology to {@code builder}. */
    public void build(StreamsBuilder builder) {
      ProcessorTopology.build(builder, enricher.enricher(), detectors);
    }

    @Override
    public void close() {
      enricher.close();
    }
  }
}
