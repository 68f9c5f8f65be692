package io.eurus.processor.tone;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.TermWeight;
import io.eurus.processor.text.Languages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Clear cases the relations tone must get right, in both languages: conflict is negative even without an
 * emotional word, cooperation positive, and negation, reversal and modality turn terms as a reader would.
 */
class ToneScorerTest {

  private static final Languages LANGUAGES = Languages.defaults();
  private static final ToneScorer SCORER =
      new ToneScorer(LANGUAGES, ToneLexicon.bundled(LANGUAGES), VaderPolarity.fromBundledLexicon());

  @ParameterizedTest(name = "[{0}] {1} → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Russia expelled three EU diplomats.                                   | conflict
      en | The EU will impose sanctions.                                         | conflict
      en | Brussels condemned the Kremlin's decision.                            | conflict
      en | Moscow threatened retaliation against the bloc.                       | conflict
      en | Lavrov accused the EU of Russophobia.                                  | conflict
      en | Russia halted gas supplies to Europe.                                  | conflict
      en | Moscow did not want a constructive dialogue with Brussels.            | conflict
      en | Russia suspended talks with the EU.                                    | conflict
      en | The Kremlin refused to resume negotiations.                            | conflict
      en | The EU froze Russian central bank assets and banned Aeroflot flights. | conflict
      en | Borrell lauded Russia's vaccine.                                        | cooperation
      en | The EU and Russia agreed to resume talks.                              | cooperation
      en | Brussels welcomed Moscow's offer of dialogue.                          | cooperation
      en | The EU lifted sanctions on Russian fertiliser exports.                 | cooperation
      en | Russia and the EU signed an agreement on visa facilitation.            | cooperation
      en | Putin praised the constructive cooperation with Germany.               | cooperation
      ru | Россия выслала трех дипломатов ЕС.                                     | conflict
      ru | ЕС введет новые санкции против России.                                 | conflict
      ru | МИД России осудил решение Брюсселя.                                    | conflict
      ru | Москва пригрозила ответными мерами Евросоюзу.                          | conflict
      ru | Лавров обвинил Евросоюз в русофобии.                                   | conflict
      ru | Россия не хочет конструктивного диалога с Евросоюзом.                  | conflict
      ru | Москва приостановила переговоры с Брюсселем.                           | conflict
      ru | Москва и Брюссель договорились возобновить переговоры.                 | cooperation
      ru | Боррель высоко оценил российскую вакцину.                              | cooperation
      ru | Евросоюз снял санкции с российских удобрений.                          | cooperation
      ru | Россия и ЕС подписали соглашение об упрощении визового режима.         | cooperation
      ru | Путин приветствовал конструктивный диалог с Германией.                 | cooperation
      """)
  void clearCasesGetTheRightSign(String language, String sentence, String expected) {
    ScoredSentence scored = SCORER.score(language, sentence);

    if (expected.equals("conflict")) {
      assertThat(scored.tone()).as("tone of '%s', terms %s", sentence, scored.terms()).isLessThanOrEqualTo(-0.2);
    } else {
      assertThat(scored.tone()).as("tone of '%s', terms %s", sentence, scored.terms()).isGreaterThanOrEqualTo(0.2);
    }
  }

  @Test
  void everyScoreIsExplainedByItsTermsWithTheirCameoClass() {
    ScoredSentence scored = SCORER.score("en", "Russia expelled three EU diplomats and warned of retaliation.");

    assertThat(scored.terms()).extracting(TermWeight::term).contains("expelled", "warned", "retaliation");
    assertThat(scored.terms()).filteredOn(t -> t.term().equals("expelled"))
        .singleElement().satisfies(t -> {
          assertThat(t.category()).isEqualTo("material-conflict");
          assertThat(t.weight()).isEqualTo(-0.8);
        });
    assertThat(scored.terms().get(0).term()).as("strongest first").isEqualTo("expelled");
  }

  @Test
  void negationIsNamedInTheExplanation() {
    ScoredSentence scored = SCORER.score("en", "Moscow did not want a constructive dialogue.");

    assertThat(scored.terms()).extracting(TermWeight::term).contains("not … constructive dialogue");
  }

  @Test
  void modalityWeakensAThreatenedMeasure() {
    double certain = SCORER.score("en", "The EU imposes sanctions.").tone();
    double possible = SCORER.score("en", "The EU could impose sanctions.").tone();

    assertThat(possible).isNegative().isGreaterThan(certain);
  }

  @Test
  void aSentenceWithoutToneTermsIsNeutralAndSaysSo() {
    ScoredSentence scored = SCORER.score("ru", "Министр прибыл в Брюссель во вторник.");

    assertThat(scored.tone()).isZero();
    assertThat(scored.hasTone()).isFalse();
  }

  @Test
  void polarityIsReportedApartFromTone() {
    ScoredSentence scored = SCORER.score("en", "The EU will impose sanctions, a wonderful and happy day.");

    assertThat(scored.polarity()).as("general sentiment: cheerful words").isPositive();
    assertThat(scored.tone()).as("relations: sanctions").isNegative();
  }
}
