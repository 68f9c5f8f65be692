package io.eurus.processor.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Languages are configuration: a code and a Snowball stemmer each; every bad entry is named at once. */
class LanguagesTest {

  @Test
  void everyBadEntryIsReportedAtOnce() {
    assertThatThrownBy(() -> Languages.parse(List.of("en:english", "xx:klingon", "de")))
        .isInstanceOf(StartupException.class)
        .hasMessage("languages: 'xx:klingon': no Snowball stemmer named klingon; 'de' is not code:stemmer (e.g. de:german)");
  }

  @Test
  void stemsJoinInflectedFormsAndFoldYo() {
    Languages languages = Languages.defaults();

    assertThat(languages.stems("ru", "России Россией")).containsExactly("росс", "росс");
    assertThat(languages.stems("ru", "заключённые")).isEqualTo(languages.stems("ru", "заключенные"));
    assertThat(languages.stems("en", "Russia's sanctions")).containsExactly("russia", "sanction");
  }

  @Test
  void anUnconfiguredLanguageFallsBackToUnstemmedWords() {
    Languages languages = Languages.defaults();

    assertThat(languages.resolve("de")).isEqualTo(Languages.FALLBACK);
    assertThat(languages.stems(Languages.FALLBACK, "Sanktionen")).containsExactly("sanktionen");
  }

  @Test
  void aTextIsReadOnceIntoItsTitleAndSentencesEachWithItsWordsAndWhereItStands() {
    String body = "Moscow  expelled\nthree diplomats. The EU responded.";

    AnalysedText text = Languages.defaults().analyse("en", " Russia's envoy ", body);

    assertThat(text.sentences()).extracting(AnalysedText.Sentence::shown)
        .containsExactly("Russia's envoy", "Moscow expelled three diplomats.", "The EU responded.");
    assertThat(text.sentences()).extracting(AnalysedText.Sentence::inTitle).containsExactly(true, false, false);
    AnalysedText.Sentence second = text.sentences().get(1);
    assertThat(second.tokens()).extracting(Token::stem).containsExactly("moscow", "expel", "three", "diplomat");
    Token diplomats = second.tokens().get(3);
    assertThat(body.substring(second.offset() + diplomats.start(), second.offset() + diplomats.end())).isEqualTo("diplomats");
    assertThat(text.sentences().get(0).tokens()).extracting(Token::stem).containsExactly("russia", "envoy");
  }

  @Test
  void aBlankTitleIsNoSentence() {
    AnalysedText text = Languages.defaults().analyse("ru", "  ", "Санкции продлены.");

    assertThat(text.hasTitle()).isFalse();
    assertThat(text.sentences()).extracting(AnalysedText.Sentence::text).containsExactly("Санкции продлены.");
  }
}
