package io.eurus.processor;

import io.eurus.events.EnrichedArticle;
import io.eurus.events.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** {@code articles} → enriched article → {@code articles.enriched}. */
public final class EnrichStep {

  private EnrichStep() {
  }

  /** The enriched stream, also written to {@code articles.enriched}; later steps (windows, detectors) read it. */
  public static KStream<String, EnrichedArticle> apply(StreamsBuilder builder, ArticleEnricher enricher) {
    KStream<String, EnrichedArticle> enriched = builder
        .stream(Topics.ARTICLES.name(), Consumed.with(Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde())
            .withName("articles"))
        .filter((id, article) -> article != null, Named.as("skip-tombstones"))
        .mapValues(enricher::enrich, Named.as("enrich"));
    enriched.to(Topics.ARTICLES_ENRICHED.name(),
        Produced.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde()).withName("articles.enriched"));
    return enriched;
  }
}
