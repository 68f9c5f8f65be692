package io.eurus.processor.tone;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.TermWeight;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the bundled model's reading of a few labelled sentences per language: the examples that the
 * lexicon got wrong, and plain cases. Whole-corpus figures are {@code eurus eval}'s business, not a unit test's.
 */
class ToneModelTest {

  private static ToneModels models;

  @BeforeAll
  static void load() {
    models = ToneModels.load(null, List.of("en", "ru"), 100);
  }

  @AfterAll
  static void close() {
    models.close();
  }

  @Test
  void shouldReadAnExpulsionAsConflictWithNoEmotionalWordInIt() {
    ToneEstimate estimate = models.of("en").estimate("Russia expelled three EU diplomats.");

    assertThat(estimate.label()).isEqualTo(-1);
    assertThat(estimate.score()).isLessThan(-0.5);
  }

  @Test
  void shouldReadAggressiveActionsWithoutALexiconWordAsConflict() {
    assertThat(models.of("en").estimate("The deliberate choices and aggressive actions of the Russian government have "
        + "created a negative spiral.").label()).isEqualTo(-1);
  }

  @Test
  void shouldReadABargainingChipAsConflictNotCooperation() {
    assertThat(models.of("en").estimate("Kremlin uses jailed reporter Kornilov as a bargaining chip").label()).isEqualTo(-1);
  }

  @Test
  void shouldNotReadADistantPartnershipAsCooperation() {
    assertThat(models.of("en").estimate("A renewed partnership between the EU and Russia seems a distant prospect.")
        .label()).isNotEqualTo(1);
  }

  @Test
  void shouldReadAnAgreementToCooperateAsCooperation() {
    assertThat(models.of("en").estimate("The European Union and Russia signed an agreement to expand cooperation on "
        + "research.").label()).isEqualTo(1);
  }

  @Test
  void shouldReadTheWeatherAsNeutral() {
    assertThat(models.of("en").estimate("The weather in Moscow was cold.").label()).isEqualTo(0);
  }

  @Test
  void shouldNameTheWordsThatMadeAnExpulsionConflict() {
    ToneModel english = models.of("en");
    String sentence = "Russia expelled three EU diplomats.";

    List<TermWeight> terms = Occlusion.explain(english, sentence, english.estimate(sentence), 3);

    assertThat(terms.get(0).term()).contains("expelled");
    assertThat(terms.get(0).weight()).isNegative();
    assertThat(terms).extracting(TermWeight::category).containsOnly(Occlusion.CATEGORY);
  }

  @Test
  void shouldNameTheWordsThatMatterWhenOnlyTheLikeliestWordsAreTried() {
    ToneModel english = models.of("en");
    String expulsion = "Russia expelled three EU diplomats after Brussels accused Moscow of running a spy ring in Belgium.";
    String agreement = "The European Union and Russia signed an agreement to expand cooperation on research and student "
        + "exchanges next year.";
    String spiral = "The deliberate choices and aggressive actions of the Russian government have created a negative spiral.";

    List<TermWeight> expelled = Occlusion.explain(english, expulsion, english.estimate(expulsion), 3);
    List<TermWeight> signed = Occlusion.explain(english, agreement, english.estimate(agreement), 3);
    List<TermWeight> negative = Occlusion.explain(english, spiral, english.estimate(spiral), 3);

    assertThat(expelled.get(0).term()).isEqualTo("expelled");
    assertThat(expelled.get(0).weight()).isNegative();
    assertThat(signed).filteredOn(t -> t.weight() > 0).extracting(TermWeight::term)
        .anyMatch(term -> term.contains("cooperation"))
        .anyMatch(term -> term.contains("agreement") || term.contains("signed"));
    assertThat(negative).filteredOn(t -> t.weight() < 0).extracting(TermWeight::term).contains("negative");
    for (String sentence : List.of(expulsion, agreement, spiral)) {
      List<String> all = terms(Occlusion.explain(english, sentence, english.estimate(sentence), 3, Integer.MAX_VALUE));
      List<String> likeliest = terms(Occlusion.explain(english, sentence, english.estimate(sentence), 3));
      assertThat(Occlusion.candidates(sentence)).isGreaterThan(Occlusion.TRIED);
      assertThat(likeliest.get(0)).as(sentence).isEqualTo(all.get(0));
      assertThat(likeliest).as(sentence).filteredOn(all::contains).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void shouldEncodeAtMostTheWordsTriedAndOneGuessPerExplainedSentence() {
    ToneModel english = models.of("en");
    String longSentence = "Russia expelled three EU diplomats after Brussels accused Moscow of running a spy ring in "
        + "Belgium, and the Kremlin promised further steps against what it called a hostile campaign.";
    String shortSentence = "Russia expelled three EU diplomats.";
    ToneEstimate longEstimate = english.estimate(longSentence);
    ToneEstimate shortEstimate = english.estimate(shortSentence);

    long before = models.encoded();
    Occlusion.explain(english, longSentence, longEstimate, 3);
    long forLong = models.encoded() - before;
    Occlusion.explain(english, shortSentence, shortEstimate, 3);
    long forShort = models.encoded() - before - forLong;

    assertThat(Occlusion.candidates(longSentence)).isGreaterThan(2 * Occlusion.TRIED);
    assertThat(forLong).isEqualTo(Occlusion.TRIED + 1);
    assertThat(forShort).isEqualTo(Occlusion.candidates(shortSentence)); // every word, no guess needed
  }

  @Test
  void shouldExplainAWordsOnlyHeadWithEveryWordAndNoEncoding() {
    ToneModel russian = models.of("ru");
    String sentence = "Кремль обвинил Евросоюз в русофобии и пригрозил ответными мерами против европейских дипломатов в Москве.";
    ToneEstimate whole = russian.estimate(sentence);

    long before = models.encoded();
    List<TermWeight> terms = Occlusion.explain(russian, sentence, whole, 3);

    assertThat(models.encoded()).isEqualTo(before);
    assertThat(Occlusion.candidates(sentence)).isGreaterThan(Occlusion.TRIED);
    TermWeight accused = terms.stream().filter(t -> t.term().equals("обвинил")).findFirst().orElseThrow();
    double without = russian.estimate(sentence.replace("обвинил ", "")).score();
    assertThat(accused.weight()).isCloseTo(whole.score() - without, org.assertj.core.data.Offset.offset(0.001));
  }

  private static List<String> terms(List<TermWeight> terms) {
    return terms.stream().map(TermWeight::term).toList();
  }

  @Test
  void shouldReadAThreatOfRetaliationAsConflictInRussian() {
    assertThat(models.of("ru").estimate("Кремль обвинил Евросоюз в русофобии и пригрозил ответными мерами.").score())
        .isNegative();
  }

  @Test
  void shouldAnswerASentenceSeenBeforeFromTheCacheWithoutEncodingItAgain() {
    ToneModel english = models.of("en");
    english.estimate("Moscow summoned the German ambassador.");
    long encoded = models.encoded();

    english.estimate(List.of("Moscow summoned the German ambassador.", "Moscow summoned the German ambassador."));

    assertThat(models.encoded()).isEqualTo(encoded);
  }

  @Test
  void shouldCutAndCountASentenceLongerThanTheEncodersLimit() {
    long before = models.truncated();
    String longSentence = "The ministers discussed sanctions, energy and visas again and again ".repeat(20);

    ToneEstimate estimate = models.of("en").estimate(longSentence);

    assertThat(models.truncated()).isEqualTo(before + 1);
    assertThat(estimate.conflict() + estimate.neutral() + estimate.cooperation()).isCloseTo(1.0,
        org.assertj.core.data.Offset.offset(1e-9));
  }
}
