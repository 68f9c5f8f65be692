package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.EnrichedArticle;
import io.eurus.events.Topics;
import io.eurus.processor.detect.DetectorConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** articles → enriched article → (story) → articles.enriched, through the whole topology. */
class EnrichStepTest {

  @Test
  void anArticleIsEnrichedWithRelevanceActorsRulesToneAndItsSentences() {
    StreamsBuilder builder = new StreamsBuilder();
    ProcessorTopology.build(builder, Fixtures.enricher(), DetectorConfig.bundled());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), TopologyTestSupport.config())) {
      TopologyTestSupport.input(driver, Topics.ARTICLES).pipeInput("a-1", Fixtures.article("a-1", "en",
          "Russia expels three EU diplomats",
          "Moscow ordered three diplomats of the EU delegation to leave. The weather in Moscow was cold."));

      EnrichedArticle enriched = TopologyTestSupport.output(driver, Topics.ARTICLES_ENRICHED).readValue();

      assertThat(enriched.article().id()).isEqualTo("a-1");
      assertThat(enriched.relevant()).isTrue();
      assertThat(enriched.actors()).contains("Russia", "European Union");
      assertThat(enriched.rules()).extracting(r -> r.ruleId()).contains("expulsions");
      assertThat(enriched.tone()).isNegative();
      assertThat(enriched.toneSource()).isEqualTo("model:en:bge-small-en-v1.5-q");
      assertThat(enriched.toneTerms()).extracting(t -> t.category()).containsOnly("model");
      assertThat(enriched.sentences()).as("a sentence naming one side counts in an article about the relationship")
          .containsExactly("Russia expels three EU diplomats", "Moscow ordered three diplomats of the EU delegation to leave.",
              "The weather in Moscow was cold.");
      assertThat(enriched.sentenceTones()).extracting(t -> t.sentence()).contains(0).doesNotContain(2);
      assertThat(enriched.profile()).isEqualTo("eu-russia");
      assertThat(enriched.storyId()).as("the story it opened").isEqualTo("s-1");
    }
  }

  @Test
  void anArticleAboutSomethingElseIsPassedOnAsNotRelevantWithoutTone() {
    StreamsBuilder builder = new StreamsBuilder();
    ProcessorTopology.build(builder, Fixtures.enricher(), DetectorConfig.bundled());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), TopologyTestSupport.config())) {
      TopologyTestSupport.input(driver, Topics.ARTICLES).pipeInput("a-2",
          Fixtures.article("a-2", "en", "Commission presents digital strategy", "A plan for broadband in rural regions."));

      EnrichedArticle enriched = TopologyTestSupport.output(driver, Topics.ARTICLES_ENRICHED).readValue();

      assertThat(enriched.relevant()).isFalse();
      assertThat(enriched.tone()).isNull();
      assertThat(enriched.rules()).isEmpty();
      assertThat(enriched.polarity()).isNotNull();
      assertThat(enriched.storyId()).as("not clustered: the desk does not see it").isNull();
    }
  }
}
