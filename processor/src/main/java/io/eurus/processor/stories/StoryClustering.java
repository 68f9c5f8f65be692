package io.eurus.processor.stories;

import io.eurus.events.EnrichedArticle;
import io.eurus.events.Topics;
import io.eurus.processor.coverage.EventTime;
import io.eurus.processor.detect.DetectorConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The clustering step: enriched articles in, the same articles on event time out, with their {@code storyId} when
 * they are relevant or match a rule (null otherwise: not clustered). Call it on the enriched stream before writing
 * {@code articles.enriched}, and hand what it returns to {@code SeriesTopology.build} ({@code ProcessorTopology} does).
 *
 * <p>Stories span sources, and sources span partitions, so clustering needs every article in one place: the
 * stream goes through a repartition topic with one partition ({@code <application.id>-stories-repartition}).
 * Enrichment before it still scales out over partitions; what follows (clustering, windows, detectors) is a few
 * microseconds per article and runs as one task, which is also what the all-sources series and the comparison of
 * the two sides need.
 */
public final class StoryClustering {

  /** Name of the repartition topic (after the application id) and of its nodes. */
  public static final String REPARTITION = "stories";

  private StoryClustering() {
  }

  public static KStream<String, EnrichedArticle> apply(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
      DetectorConfig.Stories config) {
    builder.addStateStore(StoryStores.stories(config.horizon()));
    long horizonMs = config.horizon().toMillis();
    return enriched
        .filter((id, article) -> article != null, Named.as("stories-skip-tombstones"))
        .processValues(EventTime::new, Named.as("event-time"))
        .repartition(Repartitioned.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())
            .withName(REPARTITION).withNumberOfPartitions(1))
        .processValues(() -> new StoryClusterer(config.similarity(), horizonMs), Named.as("story-clustering"),
            StoryStores.STORIES);
  }
}
