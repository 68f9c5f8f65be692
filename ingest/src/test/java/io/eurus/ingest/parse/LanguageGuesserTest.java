package io.eurus.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

  private static LanguageGuesser guesser;

  @BeforeAll
  static void load() {
    guesser = LanguageGuesser.shared();
  }

  @Test
  void englishAndRussianNewsAreRecognisedWhateverTheFeedsHint() {
    assertThat(guesser.guess("The Council adopted a further package of restrictive measures against Russia today.", "ru"))
        .isEqualTo("en");
    assertThat(guesser.guess("Евросоюз утвердил новый пакет санкций против России, в Кремле пообещали ответ.", "en"))
        .isEqualTo("ru");
    assertThat(guesser.guess("Die Bundesregierung hat heute vier russische Diplomaten ausgewiesen, teilte das Auswärtige Amt mit.", null))
        .isEqualTo("de");
  }

  @Test
  void tooShortTextFallsBackToTheHintThenToUnd() {
    assertThat(guesser.guess("Breaking", "ru")).isEqualTo("ru");
    assertThat(guesser.guess("Breaking", null)).isEqualTo("und");
  }
}
