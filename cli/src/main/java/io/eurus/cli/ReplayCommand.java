package io.eurus.cli;

import io.eurus.cli.replay.ArticleArchive;
import io.eurus.cli.replay.EnrichAhead;
import io.eurus.cli.replay.ReplayProgress;
import io.eurus.events.Alert;
import io.eurus.events.DeadLetter;
import io.eurus.events.Json;
import io.eurus.processor.ProcessorSources;
import io.eurus.processor.replay.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Run the processor's topology over archived articles, in event-time order, and print every alert.",
        "Input: one JSON article per line, as 'eurus feed parse' prints them; id and language are derived when absent.",
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

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReplayProgress progress = new ReplayProgress(err, System::nanoTime);
    int[] bad = {0};
    int alerts = 0;
    try (ProcessorSources.OpenProcessor processor = new ProcessorSources(knowledge.sources(), detectors)
            .open(knowledge.reportRuleProblems(err));
         ArticleArchive archive = ArticleArchive.open(input, (line, problem) -> {
           bad[0]++;
           err.println("eurus: " + input + " line " + line + ": " + problem + ", skipped");
         });
         Replay replay = new Replay(processor);
         EnrichAhead ahead = new EnrichAhead(archive, processor.enricher().enricher(), EnrichAhead.defaultThreads())) {
      progress.replaying(archive.size());
      int done = 0;
      while (ahead.hasNext()) {
        EnrichAhead.Prepared next = ahead.next();
        Replay.Step step = next.enriched() == null ? replay.feed(next.article())
            : replay.feed(next.article(), next.enriched());
        alerts += print(step, out);
        for (DeadLetter failure : step.failures()) {
          bad[0]++;
          err.println("eurus: " + input + " line " + next.entry().line() + ": the processor failed on it ("
              + failure.reason() + ")");
        }
        progress.replayed(++done);
      }
      alerts += print(replay.finish(), out);
      out.flush();
      progress.finished(archive.size(), alerts, replay.lateArticles(), bad[0]);
    }
    return bad[0] == 0 ? 0 : 1;
  }

  private static int print(Replay.Step step, PrintWriter out) throws IOException {
    for (Alert alert : step.alerts()) {
      out.println(Json.mapper().writeValueAsString(alert));
    }
    return step.alerts().size();
  }
}
