package io.eurus.processor.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void englishLosesFunctionWordsCaseAndPluralS() {
    assertThat(Shingles.words("en", "The EU's new SANCTIONS against Russia's banks"))
        .containsExactly("eu", "new", "sanction", "russia", "bank");
  }

  @Test
  void russianWordsAreCutToFiveLettersSoInflectionsMeet() {
    assertThat(Shingles.words("ru", "санкции против России")).isEqualTo(Shingles.words("ru", "санкций против Россией"));
    assertThat(Shingles.words("ru", "Зелёные санкции")).containsExactly("зелен", "санкц");
  }

  @Test
  void unknownLanguageIsFoldedAndLowerCasedOnly() {
    assertThat(Shingles.words("de", "Die Sanktionen der EU")).containsExactly("die", "sanktionen", "der", "eu");
  }

  @Test
  void compatibilityFormsAreFolded() {
    assertThat(Shingles.words("en", "ｆｕｌｌｗｉｄｔｈ ﬁnance")).containsExactly("fullwidth", "finance");
  }

  @Test
  void bodyAloneIsShingledWhenLongEnoughBecauseHeadlinesGetRewritten() {
    String body = "Council adopts a further package of restrictive measures against Russian banks and shipping firms";

    assertThat(Shingles.of("en", "EU hits Russia with new sanctions", body))
        .containsExactly(Shingles.of("en", "Brussels adopts 20th package", body));
  }

  @Test
  void shortBodyIsShingledWithItsTitle() {
    assertThat(Shingles.of("en", "EU adopts sanctions on Russian banks", "Council statement follows"))
        .hasSize(7); // eight content words, seven pairs
  }

  @Test
  void tooShortToTellIsNoShinglesAtAll() {
    assertThat(Shingles.of("ru", "Главное за день", null)).isEmpty();
  }
}
