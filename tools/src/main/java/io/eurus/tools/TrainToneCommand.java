package io.eurus.tools;

import io.eurus.processor.EnricherSources;
import io.eurus.tools.eval.ToneData;
import io.eurus.tools.eval.ToneEvaluation;
import io.eurus.tools.eval.ToneTraining;
import io.eurus.processor.tone.ToneModels;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-tone", mixinStandardHelpOptions = true,
    description = {"Rebuild the relations-tone heads (head-en.json, head-ru.json) from the human-labelled data in",
        "../shared/data/tone and ../shared/data/conflict, deterministically (same data, same bytes), and print their",
        "figures on every test split beside today's lexicon and VADER. Takes a few minutes: every English training",
        "sentence is encoded once."})
final class TrainToneCommand implements Callable<Integer> {

  /** Where the bundled heads live in the source tree, from the project root. */
  static final Path SOURCE_HEADS = Path.of("processor", "src", "main", "resources", "eurus", "tone");

  @Option(names = "--data", paramLabel = "DIR", description = "The shared data folder (default: ../shared/data beside the project).")
  Path data;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write the heads (default: processor/src/main/resources/eurus/tone, the bundled ones).")
  Path out;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter writer = spec.commandLine().getOut();
    Path folder = out == null ? SOURCE_HEADS : out;
    Path shared = data == null ? EvalCommand.defaultData() : data;
    PrintStream progress = new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
    new ToneTraining(shared, progress).run(folder);
    writer.println();
    writer.println("heads written to " + folder.toAbsolutePath().normalize());
    try (ToneModels models = ToneModels.load(folder, ToneModels.BUNDLED_LANGUAGES, 100_000);
         EnricherSources.OpenEnricher open = EnricherSources.defaults()
             .withTone(EnricherSources.ToneSettings.LEXICON_ONLY).open(matcher -> { })) {
      List<ToneEvaluation.Row> rows = new ToneEvaluation(models, open.enricher()::lexiconTone).run(ToneData.load(shared));
      EvalCommand.printTone(rows, writer);
    }
    return 0;
  }

  /** Progress lines of the training go to the command's own output. */
  private static final class WriterOutputStream extends java.io.OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public void flush() {
      writer.print(line.toString(StandardCharsets.UTF_8));
      writer.flush();
      line.reset();
    }
  }
}
