package io.eurus.cli;

import io.eurus.cli.replay.ArticleArchive;
import io.eurus.cli.replay.BlocMap;
import io.eurus.cli.replay.EnrichAhead;
import io.eurus.cli.replay.ReplayProgress;
import io.eurus.events.Alert;
import io.eurus.events.DeadLetter;
import io.eurus.events.Json;
import io.eurus.events.ToneWindow;
import io.eurus.processor.ProcessorSources;
import io.eurus.processor.replay.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Run the processor's topology over archived articles, in event-time order, and print every alert.",
        "Input: one JSON article per line, as 'eurus feed parse' prints them, plain or gzip-compressed; id and language",
        "are derived when absent, the bloc from --blocs when given.",
        "Output: each alert as one JSON line (type, at, severity, direction, evidence …), the same for the same input.",
        "Progress and bad lines go to stderr; the exit code is 1 if any line could not be replayed.",
        "Tune a threshold on last month's coverage before it goes live: --detectors FILE."})
final class ReplayCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE.jsonl", description = "Archived articles, one JSON object per line.")
  Path input;

  @Mixin
  AnalystOptions knowledge;

  @Option(names = "--detectors", paramLabel = "FILE",
      description = "Detectors file (YAML) instead of the bundled EU–Russia one: windows, baselines, sensitivity.")
  Path detectors;

  @Option(names = "--blocs", paramLabel = "FILE",
      description = {"Which bloc each source belongs to (YAML): 'blocs: {bloc: [source name, …]}', or a feed list",
          "('feeds:', a source being a feed's name or id). A source it does not name keeps its line's bloc, else counts",
          "as unassigned; such sources are listed once at the end."})
  Path blocs;

  @Option(names = "--windows", paramLabel = "FILE",
      description = "Also write every closed window of every series (counts, tone, baseline) to FILE, one JSON line each.")
  Path windows;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReplayProgress progress = new ReplayProgress(err, System::nanoTime);
    int[] bad = {0};
    int alerts = 0;
    BlocMap blocMap = blocs == null ? BlocMap.none() : BlocMap.load(blocs);
    try (ProcessorSources.OpenProcessor processor = new ProcessorSources(knowledge.sources(), detectors)
            .open(knowledge.reportRuleProblems(err));
         ArticleArchive archive = ArticleArchive.open(input, blocMap, Instant.now(), (line, problem) -> {
           bad[0]++;
           err.println("eurus: " + input + " line " + line + ": " + problem + ", skipped");
         });
         Replay replay = new Replay(processor, windows != null);
         Writer windowLines = windows == null ? Writer.nullWriter() : Files.newBufferedWriter(windows);
         EnrichAhead ahead = new EnrichAhead(archive, processor.enricher().enricher(), EnrichAhead.defaultThreads())) {
      progress.replaying(archive.size());
      int done = 0;
      while (ahead.hasNext()) {
        EnrichAhead.Prepared next = ahead.next();
        Replay.Step step = next.enriched() == null ? replay.feed(next.article())
            : replay.feed(next.article(), next.enriched());
        alerts += print(step, out);
        write(step, windowLines);
        for (DeadLetter failure : step.failures()) {
          bad[0]++;
          err.println("eurus: " + input + " line " + next.entry().line() + ": the processor failed on it ("
              + failure.reason() + ")");
        }
        progress.replayed(++done);
      }
      Replay.Step last = replay.finish();
      alerts += print(last, out);
      write(last, windowLines);
      out.flush();
      reportUnassigned(archive.unassignedSources(), err);
      progress.finished(archive.size(), alerts, replay.lateArticles(), bad[0]);
    }
    return bad[0] == 0 ? 0 : 1;
  }

  /** Once, at the end: the sources no bloc was found for, most articles first. */
  private static void reportUnassigned(Map<String, Integer> sources, PrintWriter err) {
    if (sources.isEmpty()) {
      return;
    }
    int articles = sources.values().stream().mapToInt(Integer::intValue).sum();
    String listed = sources.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").collect(Collectors.joining(", "));
    err.println(String.format(Locale.ROOT, "eurus replay: %,d articles from %d sources with no bloc, counted as %s: %s",
        articles, sources.size(), BlocMap.UNASSIGNED, listed));
  }

  private static void write(Replay.Step step, Writer windowLines) throws IOException {
    for (ToneWindow window : step.windows()) {
      windowLines.write(Json.mapper().writeValueAsString(window));
      windowLines.write('\n');
    }
  }

  private static int print(Replay.Step step, PrintWriter out) throws IOException {
    for (Alert alert : step.alerts()) {
      out.println(Json.mapper().writeValueAsString(alert));
    }
    return step.alerts().size();
  }
}
