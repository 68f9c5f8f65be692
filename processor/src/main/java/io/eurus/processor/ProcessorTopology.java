package io.eurus.processor;

import io.eurus.events.EnrichedArticle;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The processor's topology, step by step: {@code articles} → {@link EnrichStep} → {@code articles.enriched}, and
 * {@link RuleMatchAlerts} → {@code alerts}. Unreadable records go to {@code articles.dlq} through
 * {@link DeadLetters}, set in {@link ProcessorService#streamsConfig}. Built by a function of a
 * {@link StreamsBuilder} so the service and the tests run the very same topology.
 */
public final class ProcessorTopology {

  private ProcessorTopology() {
  }

  /** Adds the steps to {@code builder}; returns the enriched stream for the steps that follow it. */
  public static KStream<String, EnrichedArticle> build(StreamsBuilder builder, ArticleEnricher enricher) {
    KStream<String, EnrichedArticle> enriched = EnrichStep.apply(builder, enricher);
    RuleMatchAlerts.apply(enriched);
    return enriched;
  }
}
