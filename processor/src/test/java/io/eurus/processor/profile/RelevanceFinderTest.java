package io.eurus.processor.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.processor.text.Languages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sentence is about EU–Russia relations when both sides meet, or one side meets a relationship term. */
class RelevanceFinderTest {

  private static final Languages LANGUAGES = Languages.defaults();
  private static final RelevanceFinder FINDER = new RelevanceFinder(WatchProfile.defaults(), LANGUAGES);

  private Relevance find(String language, String... sentences) {
    return FINDER.find(language, List.of(sentences).stream().map(s -> LANGUAGES.tokens(language, s)).toList());
  }

  @Test
  void actorsOfBothSidesMakeASentenceRelevant() {
    Relevance relevance = find("en", "Weather is fine in Lisbon.", "Kallas met Lavrov in Geneva.");

    assertThat(relevance.relevant()).isTrue();
    assertThat(relevance.sentences()).containsExactly(1);
    assertThat(relevance.actors()).containsExactly("EU High Representative", "Russian Foreign Ministry");
  }

  @Test
  void oneSideWithARelationshipTermIsEnough() {
    assertThat(find("en", "The EU will impose sanctions.").relevant()).isTrue();
    assertThat(find("en", "The EU will present its budget.").relevant()).isFalse();
    assertThat(find("en", "The EU agreed a trade deal with Japan.").relevant()).as("generic terms do not tie").isFalse();
  }

  @Test
  void russianAliasesMatchTheirInflectedForms() {
    Relevance relevance = find("ru", "Евросоюзом и Россией подписан протокол.", "С Кремлем у Брюсселя разговор короткий.");

    assertThat(relevance.sentences()).containsExactly(0, 1);
    assertThat(relevance.actors()).contains("European Union", "Russia", "Kremlin");
  }

  @Test
  void textInAnUnconfiguredLanguageFindsNamesOfEveryLanguage() {
    assertThat(find("xx", "EU — Россия: sanctions").relevant()).isTrue();
  }

  @Test
  void aSentenceNamingOneSideCountsInAnArticleAboutTheRelationship() {
    Relevance relevance = find("en", "The EU condemned Russia.",
        "The deliberate choices and aggressive actions of the Russian government have created a negative spiral.",
        "Weather is fine in Lisbon.");

    assertThat(relevance.sentences()).containsExactly(0, 1);
    assertThat(find("en", "The deliberate choices and aggressive actions of the Russian government.").relevant())
        .as("alone, one side is not the relationship").isFalse();
  }

  @Test
  void europeIsTheEuSideWhereItActsNotWhereItIsAPlace() {
    assertThat(find("en", "Europe considers new sanctions against Russia.").relevant()).isTrue();
    assertThat(find("en", "Russia sells more gas to Europe.").relevant()).as("a destination").isFalse();
    assertThat(find("en", "Russia detains Radio Free Europe journalist.").relevant()).as("a name").isFalse();
    assertThat(find("ru", "Европа призвала Россию вернуться к переговорам.").relevant()).isTrue();
    assertThat(find("ru", "Россия готова поставлять дополнительные объемы газа в Европу.").relevant())
        .as("the issue's example: Европу is where the gas goes").isFalse();
  }
}
