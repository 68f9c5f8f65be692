package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.EnrichedArticle;
import org.junit.jupiter.api.Test;

/** The enriched article says what its tone comes from: the language's model, or the lexicon where it has none. */
class ToneSourceTest {

  @Test
  void shouldMarkTheToneOfALanguageWithoutAModelAsTheLexicons() {
    EnrichedArticle enriched = Fixtures.enricher().enrich(Fixtures.article("f-1", "fr", "L'UE et la Russie: sanctions",
        "EU — Russia: sanctions."));

    assertThat(enriched.relevant()).isTrue();
    assertThat(enriched.toneSource()).isEqualTo(ArticleEnricher.LEXICON);
  }

  @Test
  void shouldMarkTheToneOfRussianAsItsWordsModel() {
    EnrichedArticle enriched = Fixtures.enricher().enrich(Fixtures.article("r-1", "ru", "ЕС ввел санкции против России",
        "Евросоюз ввел новые санкции против России."));

    assertThat(enriched.toneSource()).isEqualTo("model:ru:words");
  }

  @Test
  void shouldGiveNoToneSourceToAnArticleNotAboutTheRelationship() {
    EnrichedArticle enriched = Fixtures.enricher().enrich(Fixtures.article("e-1", "en", "Weather", "A sunny day at the beach."));

    assertThat(enriched.toneSource()).isNull();
  }
}
