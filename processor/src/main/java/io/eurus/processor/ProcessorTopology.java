package io.eurus.processor;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.Topics;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.series.SeriesTopology;
import io.eurus.processor.stories.StoryClustering;
import io.eurus.processor.storyalerts.StoryAlerts;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * The processor's topology, step by step:
 * <ol>
 *   <li>{@code articles} → {@link EnrichStep} (relevance, rules, tone);</li>
 *   <li>{@link StoryClustering}: near-duplicates joined into stories, on event time → {@code articles.enriched}
 *       with the story id; {@link StoryAlerts}: one RULE_MATCH or BREAKING_STORY alert per story → {@code alerts};</li>
 *   <li>{@link SeriesTopology}: windows per series → {@code tone.windows}, and the TONE_SHIFT, VOLUME_SPIKE and
 *       TONE_DIVERGENCE detectors → {@code alerts}.</li>
 * </ol>
 * Unreadable records go to {@code articles.dlq} through {@link DeadLetters}, set in
 * {@link ProcessorService#streamsConfig}. Built by a function of a {@link StreamsBuilder} so the service, the tests
 * and {@code eurus replay} run the very same topology.
 */
public final class ProcessorTopology {

  private ProcessorTopology() {
  }

  public static void build(StreamsBuilder builder, ArticleEnricher enricher, DetectorConfig detectors) {
    build(builder, enricher::enrich, detectors);
  }

  /** The same topology, with {@code enrich} giving what {@link ArticleEnricher#enrich} gives (the replay's). */
  public static void build(StreamsBuilder builder, ValueMapper<Article, EnrichedArticle> enrich, DetectorConfig detectors) {
    KStream<String, EnrichedArticle> enriched = EnrichStep.apply(builder, enrich);
    afterEnrichment(builder, enriched, detectors);
  }

  /** Steps 2 and 3, on the enriched stream: stories and their alerts, {@code articles.enriched}, windows and detectors. */
  public static void afterEnrichment(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched,
      DetectorConfig detectors) {
    KStream<String, EnrichedArticle> clustered = StoryClustering.apply(builder, enriched, detectors.stories());
    clustered.to(Topics.ARTICLES_ENRICHED.name(), Produced.with(Topics.ARTICLES_ENRICHED.keySerde(),
        Topics.ARTICLES_ENRICHED.valueSerde()).withName("articles.enriched"));
    StoryAlerts.apply(builder, clustered, detectors.stories());
    SeriesTopology.build(builder, clustered, detectors);
  }
}
