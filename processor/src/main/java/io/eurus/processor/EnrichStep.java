package io.eurus.processor;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * {@code articles} → enriched article. {@link ProcessorTopology} puts each in its story and writes it to
 * {@code articles.enriched}.
 */
public final class EnrichStep {

  private EnrichStep() {
  }

  /**
   * The enriched stream, for the steps that follow (rule alerts, stories, windows, detectors).
   *
   * @param enrich {@link ArticleEnricher#enrich}, or what gives the same result (the replay's enrichment ahead)
   */
  public static KStream<String, EnrichedArticle> apply(StreamsBuilder builder, ValueMapper<Article, EnrichedArticle> enrich) {
    return builder
        .stream(Topics.ARTICLES.name(), Consumed.with(Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde())
            .withName("articles"))
        .filter((id, article) -> article != null, Named.as("skip-tombstones"))
        .mapValues(enrich, Named.as("enrich"));
  }
}
