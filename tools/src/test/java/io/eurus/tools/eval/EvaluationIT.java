package io.eurus.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eurus.platform.testing.Requirements;
import io.eurus.processor.EnricherSources;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The targets on the human-rated data in ../shared/data, measured as {@code eurus eval} measures them: conflict
 * detection on UNSCon above the Lexicoder baseline, and polarity beside plain VADER on VADER's datasets.
 */
class EvaluationIT {

  private static Evaluation.Report report;

  @BeforeAll
  static void evaluate() {
    try (EnricherSources.OpenEnricher bundled = EnricherSources.defaults().open(matcher -> { })) {
      report = new Evaluation(bundled.enricher()).run(Requirements.sharedData());
    }
  }

  private static Evaluation.ConflictRow conflict(String split, String system) {
    return report.conflict().stream().filter(r -> r.split().equals(split) && r.system().equals(system)).findFirst().orElseThrow();
  }

  private static Evaluation.PolarityRow polarity(String dataset, String system) {
    return report.polarity().stream().filter(r -> r.dataset().equals(dataset) && r.system().equals(system)).findFirst().orElseThrow();
  }

  @Test
  void theLexicoderBaselineIsReproducedAsPublished() {
    assertThat(conflict("all", "lexicoder").conflict().f1()).isCloseTo(0.513, within(0.001));
    assertThat(conflict("all", "lexicoder").accuracy()).isCloseTo(0.704, within(0.001));
  }

  @Test
  void theLexiconsToneDetectsConflictBetterThanLexicoderOnUnscon() {
    assertThat(conflict("all", "lexicon tone").conflict().f1()).isGreaterThan(0.513);
  }

  @Test
  void polarityIsAtLeastAsGoodAsVaderOnTheReviewDatasets() {
    for (String dataset : List.of("movieReviewSnippets", "amazonReviewSnippets")) {
      assertThat(polarity(dataset, "eurus").pearson()).as("%s Pearson r", dataset)
          .isGreaterThanOrEqualTo(polarity(dataset, "vader").pearson());
      assertThat(polarity(dataset, "eurus").macroF1()).as("%s macro-F1", dataset)
          .isGreaterThanOrEqualTo(polarity(dataset, "vader").macroF1());
    }
  }

  @Test
  void polarityOnTweetsDoesNotFallBelowItsMeasuredFigures() {
    // r 0.875 / macro-F1 0.726 against the library's 0.879 / 0.732: a miss explained in BENCHMARKS.md (the library
    // ports an older VADER). Pinned so that it cannot get worse.
    assertThat(polarity("tweets", "eurus").pearson()).isGreaterThan(0.874);
    assertThat(polarity("tweets", "eurus").macroF1()).isGreaterThan(0.725);
  }
}
