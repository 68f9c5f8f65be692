package io.eurus.tools;

import io.eurus.cli.AnalystOptions;
import io.eurus.processor.EnricherSources;
import io.eurus.tools.eval.Evaluation;
import io.eurus.tools.eval.LabelledSentence;
import io.eurus.tools.eval.ToneData;
import io.eurus.tools.eval.ToneEvaluation;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Score the human-rated data in ../shared/data and print, side by side in one run: Pearson r,",
        "3-class accuracy and macro-F1 of Eurus' polarity and of plain VADER on VADER's datasets (sentiment/),",
        "conflict-class precision, recall and F1 of the lexicon's relations tone against the Lexicoder baseline on",
        "UNSCon (conflict/unscon/), and the relations tone of the lexicon, VADER and the trained model on every test",
        "split of tone/ and UNSCon, with the published figures."})
final class EvalCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR", description = "The shared data folder (default: ../shared/data beside the project).")
  Path data;

  @Mixin
  AnalystOptions knowledge;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path shared = data == null ? defaultData() : data;
    try (EnricherSources.OpenEnricher open = knowledge.sources().open(matcher -> { })) {
      Evaluation.Report report = new Evaluation(open.enricher()).run(shared);
      print(report, out);
      out.println();
      ToneEvaluation tone = new ToneEvaluation(open.models(), open.enricher()::lexiconTone);
      List<LabelledSentence> labelled = ToneData.load(shared);
      printTone(tone.run(labelled), out);
      out.println();
      printRelevance(tone.relevance(ToneData.relevance(shared, labelled)), out);
    }
    return 0;
  }

  static void print(Evaluation.Report report, PrintWriter out) {
    out.println("Polarity against human ratings — VADER's ICWSM-2014 data (Hutto & Gilbert 2014), classes cut at ±0.05 (ratings / 4)");
    out.printf(Locale.ROOT, "%-20s %6s  %-8s %9s %10s %8s%n", "dataset", "items", "system", "pearson_r", "accuracy3", "macroF1");
    for (Evaluation.PolarityRow row : report.polarity()) {
      out.printf(Locale.ROOT, "%-20s %6d  %-8s %9.3f %10.3f %8.3f%n", row.dataset(), row.items(), row.system(), row.pearson(),
          row.accuracy(), row.macroF1());
    }
    out.println();
    out.println("Conflict sentences in UN Security Council speeches — UNSCon (Zaczynska, Bourgonje & Stede 2024); "
        + "conflict = tone <= " + Evaluation.CONFLICT_TONE);
    out.printf(Locale.ROOT, "%-9s %9s  %-11s %9s %7s %6s %9s%n", "split", "sentences", "system", "precision", "recall", "f1", "accuracy");
    for (Evaluation.ConflictRow row : report.conflict()) {
      out.printf(Locale.ROOT, "%-9s %9d  %-11s %9.3f %7.3f %6.3f %9.3f%n", row.split(), row.sentences(), row.system(),
          row.conflict().precision(), row.conflict().recall(), row.conflict().f1(), row.accuracy());
    }
    out.flush();
  }

  /** The relations tone per test split: lexicon, VADER and the model side by side, with the published figure. */
  static void printTone(List<ToneEvaluation.Row> rows, PrintWriter out) {
    out.println("Relations tone on the test splits (conflict / neutral / cooperation; labels mapped as in ToneData)");
    out.printf(Locale.ROOT, "%-17s %-11s %-2s %6s  %-7s %8s %8s %8s  %s%n", "dataset", "split", "", "items", "system",
        "accuracy", "macroF1", "F1pn/F1c", "published");
    String last = "";
    for (ToneEvaluation.Row row : rows) {
      String split = row.dataset() + "/" + row.split();
      out.printf(Locale.ROOT, "%-17s %-11s %-2s %6d  %-7s %8.3f %8s %8s  %s%n", row.dataset(), row.split(), row.language(),
          row.items(), row.system(), row.accuracy(), figure(row.macroF1()), figure(row.special()),
          split.equals(last) ? "" : row.published());
      last = split;
    }
    out.flush();
  }

  /** Whether carrying tone finds the sentences that report cooperation or conflict. */
  static void printRelevance(List<ToneEvaluation.RelevanceRow> rows, PrintWriter out) {
    out.println("Sentences that report cooperation or conflict — un_relevance_en (Osorio et al. 2024), sentences never "
        + "trained on; relevant = carries tone");
    out.printf(Locale.ROOT, "%-16s %6s  %-7s %8s %9s %7s %6s%n", "dataset", "items", "system", "accuracy", "precision",
        "recall", "f1");
    for (ToneEvaluation.RelevanceRow row : rows) {
      out.printf(Locale.ROOT, "%-16s %6d  %-7s %8.3f %9.3f %7.3f %6.3f%n", row.dataset(), row.items(), row.system(),
          row.accuracy(), row.relevant().precision(), row.relevant().recall(), row.relevant().f1());
    }
    out.flush();
  }

  private static String figure(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** ../shared/data beside the project the jar was built in, else beside the working folder. */
  static Path defaultData() {
    try {
      Path jar = Path.of(EvalCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // tools/target/eurus-tools.jar (or tools/target/classes) → the project root is two folders up from target.
      Path root = jar.getParent() == null ? null : jar.getParent().getParent();
      if (root != null && root.getParent() != null) {
        Path candidate = root.getParent().resolve("../shared/data").normalize();
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the working folder
    }
    return Path.of("..", "shared", "data");
  }
}
