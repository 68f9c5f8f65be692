package io.eurus.processor;

import io.eurus.events.EnrichedArticle;
import io.eurus.events.Topics;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The processor's topology: {@code articles} → enriched article → {@code articles.enriched}, and one
 * {@code RULE_MATCH} alert per matched rule → {@code alerts}. Built by a function of a {@link StreamsBuilder}
 * so the service and the tests run the very same topology.
 */
public final class ProcessorTopology {

  private ProcessorTopology() {
  }

  public static void build(StreamsBuilder builder, List<KeywordRule> rules) {
    KStream<String, EnrichedArticle> enriched = builder
        .stream(Topics.ARTICLES.name(), Consumed.with(Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde()))
        .filter((id, article) -> article != null)
        .mapValues(article -> new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article, false, List.of(),
            rules.stream().flatMap(rule -> rule.match(article).stream()).toList(), null, null, null, null, null));

    enriched.to(Topics.ARTICLES_ENRICHED.name(),
        Produced.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde()));

    enriched
        .flatMap((id, article) -> RuleMatchAlerts.of(article).stream().map(alert -> KeyValue.pair(alert.key(), alert)).toList())
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()));
  }
}
