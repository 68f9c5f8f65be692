package io.eurus.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.platform.testing.Requirements;
import io.eurus.processor.EnricherSources;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled tone model on every test split, as {@code eurus eval} measures it: better than today's lexicon and
 * than VADER everywhere, and no worse than the figures it was shipped with (BENCHMARKS.md).
 */
class ToneEvaluationIT {

  private static EnricherSources.OpenEnricher open;
  private static List<ToneEvaluation.Row> rows;

  @BeforeAll
  static void evaluate() {
    open = EnricherSources.defaults().open(matcher -> { });
    rows = new ToneEvaluation(open.models(), open.enricher()::lexiconTone).run(ToneData.load(Requirements.sharedData()));
  }

  @AfterAll
  static void close() {
    open.close();
  }

  private static ToneEvaluation.Row row(String dataset, String split, String system) {
    return rows.stream().filter(r -> r.dataset().equals(dataset) && r.split().equals(split) && r.system().equals(system))
        .findFirst().orElseThrow();
  }

  /** The split's own measure: F1_PN on RuSentNE, the conflict F1 on UNSCon, else macro-F1 over three classes. */
  private static double primary(ToneEvaluation.Row row) {
    return Double.isNaN(row.special()) ? row.macroF1() : row.special();
  }

  @Test
  void theModelBeatsTheLexiconAndVaderOnEveryTestSplit() {
    for (ToneEvaluation.Row model : rows.stream().filter(r -> r.system().equals("model")).toList()) {
      for (ToneEvaluation.Row other : rows.stream().filter(r -> r.dataset().equals(model.dataset())
          && r.split().equals(model.split()) && !r.system().equals("model")).toList()) {
        assertThat(primary(model)).as("%s/%s against %s", model.dataset(), model.split(), other.system())
            .isGreaterThan(primary(other));
        if (model.language().equals("en")) {
          // In Russian the lexicon's accuracy is higher (0.594 against 0.578): it calls more sentences neutral.
          assertThat(model.accuracy()).as("%s/%s accuracy against %s", model.dataset(), model.split(), other.system())
              .isGreaterThan(other.accuracy());
        }
      }
    }
  }

  @Test
  void englishFiguresDoNotFallBelowTheShippedHeads() {
    // The bge-small head's figures (2026-12-06), less a point: a change that costs more than that shows here.
    assertThat(row("un_quadclass_en", "held-out", "model").accuracy()).isGreaterThan(0.74);
    assertThat(row("conflibert_cameo", "test", "model").accuracy()).isGreaterThan(0.71);
    assertThat(row("plover_gsr", "all", "model").accuracy()).isGreaterThan(0.78);
    assertThat(row("newsmtsc", "devtest_rw", "model").accuracy()).isGreaterThan(0.67);
    assertThat(row("newsmtsc", "devtest_mt", "model").accuracy()).isGreaterThan(0.64);
    assertThat(row("unscon", "held-out", "model").special()).as("conflict F1").isGreaterThan(0.68);
  }

  @Test
  void russianFiguresDoNotFallBelowTheShippedHead() {
    assertThat(row("rusentne2023", "validation", "model").special()).as("F1_PN")
        .isGreaterThan(row("rusentne2023", "validation", "lexicon").special());
  }
}
