package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.RuleMatch;
import io.eurus.events.Severity;
import io.eurus.events.Topics;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

/** Every rule an enriched article matched becomes one RULE_MATCH alert with rule, severity, snippet and article. */
class RuleMatchAlertsTest {

  @Test
  void oneAlertPerMatchedRuleKeyedByRuleAndArticle() {
    StreamsBuilder builder = new StreamsBuilder();
    RuleMatchAlerts.apply(builder.stream(Topics.ARTICLES_ENRICHED.name(),
        Consumed.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), TopologyTestSupport.config())) {
      EnrichedArticle enriched = EnrichedArticle.builder()
          .article(Fixtures.article("a-9", "en", "EU sanctions and expulsions", "…"))
          .relevant(true)
          .actors(List.of("European Union"))
          .rules(List.of(new RuleMatch("sanctions", "Sanctions", Severity.HIGH, "EU [[sanctions]]"), new RuleMatch("expulsions", "Expulsion of diplomats", Severity.CRITICAL, "[[expulsions]]")))
          .tone(-0.6)
          .polarity(-0.2)
          .toneTerms(List.of())
          .sentences(List.of())
          .profile("eu-russia")
          .sentenceTones(List.of())
          .build();
      TopologyTestSupport.input(driver, Topics.ARTICLES_ENRICHED).pipeInput("a-9", enriched);

      List<Alert> alerts = TopologyTestSupport.output(driver, Topics.ALERTS).readValuesToList();

      assertThat(alerts).extracting(Alert::key)
          .containsExactly("RULE_MATCH:sanctions:a-9", "RULE_MATCH:expulsions:a-9");
      Alert first = alerts.get(0);
      assertThat(first.type()).isEqualTo(AlertType.RULE_MATCH);
      assertThat(first.severity()).isEqualTo(Severity.HIGH);
      assertThat(first.rule().id()).isEqualTo("sanctions");
      assertThat(first.articles()).singleElement().satisfies(ref -> {
        assertThat(ref.id()).isEqualTo("a-9");
        assertThat(ref.snippet()).isEqualTo("EU [[sanctions]]");
      });
      assertThat(first.summary()).contains("Relations tone -0.60");
      assertThat(alerts.get(1).severity()).isEqualTo(Severity.CRITICAL);
    }
  }

  @Test
  void anArticleWithoutMatchesRaisesNoAlert() {
    StreamsBuilder builder = new StreamsBuilder();
    RuleMatchAlerts.apply(builder.stream(Topics.ARTICLES_ENRICHED.name(),
        Consumed.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())));
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), TopologyTestSupport.config())) {
      TopologyTestSupport.input(driver, Topics.ARTICLES_ENRICHED).pipeInput("a-3", EnrichedArticle.builder()
          .article(Fixtures.article("a-3", "en", "Calm", "…"))
          .relevant(false)
          .polarity(0.0)
          .build());

      assertThat(TopologyTestSupport.output(driver, Topics.ALERTS).isEmpty()).isTrue();
    }
  }
}
