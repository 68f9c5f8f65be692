package io.eurus.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.cli.CapturedEurus;
import io.eurus.events.Json;
import io.eurus.ingest.parse.ArticleIds;
import io.eurus.tools.bench.CoverageGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eurus replay} over generated coverage — ten days from Monday 28 September, with a burst of coverage on the
 * afternoon of Thursday 1 October (see {@link CoverageGenerator}) — and over small hand-written files for derivation
 * and bad lines.
 */
class ReplayOfGeneratedCoverageTest {

  @TempDir
  static Path folder;

  private static Path coverage;
  /** The replay of {@link #coverage}, run once for the tests that only read it. */
  private static Replayed reference;

  @BeforeAll
  static void generateAndReplay() throws IOException {
    coverage = folder.resolve("coverage.jsonl");
    CoverageGenerator.write(2_000, 10, coverage);
    reference = replay(coverage.toString());
  }

  @Test
  void sameInputGivesTheSameOutputByteForByte() {
    Replayed again = replay(coverage.toString());

    assertThat(again.out()).isNotEmpty().isEqualTo(reference.out());
    assertThat(reference.exit()).isZero();
    assertThat(reference.err().lines().reduce((a, b) -> b)).hasValueSatisfying(last ->
        assertThat(last).startsWith("eurus replay: 2,000 articles in ").endsWith(", 0 bad lines"));
  }

  @Test
  void everyAlertIsOneJsonLineWithTypeTimeSeverityAndForToneItsDirection() {
    List<JsonNode> alerts = alerts(reference.out());

    assertThat(alerts).extracting(a -> a.path("type").asText()).contains("RULE_MATCH", "VOLUME_SPIKE", "TONE_SHIFT");
    assertThat(alerts).allSatisfy(alert -> {
      assertThat(alert.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z");
      assertThat(alert.path("severity").asText()).isIn("MEDIUM", "HIGH", "CRITICAL", "LOW");
    });
    assertThat(alerts).filteredOn(a -> a.path("type").asText().startsWith("TONE_")).isNotEmpty()
        .allSatisfy(alert -> {
          assertThat(alert.path("direction").asText()).isIn("NEGATIVE", "POSITIVE");
          assertThat(alert.path("evidence").path("baseline").isNumber()).isTrue();
          assertThat(alert.path("evidence").path("storyCount").asInt()).isPositive();
        });
  }

  @Test
  void linesOutOfOrderAreReplayedInEventTimeOrder() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(coverage));
    Collections.shuffle(lines, new Random(5));
    Path shuffled = Files.write(folder.resolve("shuffled.jsonl"), lines);

    assertThat(replay(shuffled.toString()).out()).isEqualTo(reference.out());
  }

  @Test
  void theLastWindowClosesAtTheEndOfTheInput() throws IOException {
    // Cut the archive in the first hour of the burst: no later article is left to close that hour's window.
    List<String> upToBurst = Files.readAllLines(coverage).stream()
        .filter(line -> published(line).compareTo("2026-10-01T13:00") < 0).toList();
    Path cut = Files.write(folder.resolve("cut.jsonl"), upToBurst);

    List<JsonNode> alerts = alerts(replay(cut.toString()).out());

    assertThat(alerts).filteredOn(a -> a.path("type").asText().equals("VOLUME_SPIKE"))
        .extracting(a -> a.path("at").asText()).contains("2026-10-01T12:00:00Z");
  }

  @Test
  void anArticleWithoutIdAndLanguageGetsTheOnesIngestWouldGiveIt() throws IOException {
    Path file = write("""
        {"url":"https://tass.example/world/123?utm_source=rss","source":"ТАСС","bloc":"russia-state","title":"Евросоюз ввел новые санкции против России","text":"Совет ЕС утвердил новый пакет санкций против России, сообщили в Брюсселе в понедельник.","published":"2026-11-20T10:00:00Z","fetched":"2026-11-20T10:02:00Z"}
        """);

    Replayed eurus = replay(file.toString());

    assertThat(eurus.err()).contains("0 bad lines");
    assertThat(alerts(eurus.out())).filteredOn(a -> a.path("type").asText().equals("RULE_MATCH")).isNotEmpty()
        .allSatisfy(alert -> assertThat(alert.path("articles").get(0).path("id").asText())
            .isEqualTo(ArticleIds.of("https://tass.example/world/123")));
  }

  @Test
  void badLinesAreNamedWithTheirNumberAndTheOthersAreReplayed() throws IOException {
    Path file = write("""
        {"id":"a-1","url":"https://x.example/1","title":"EU extends sanctions on Russia","text":"The Council extended sanctions against Russia.","language":"en","published":"2026-11-20T10:00:00Z"}
        this is not json
        {"id":"a-3","title":"No time at all","text":"Russia and the EU.","language":"en"}

        {"title":"Neither id nor url","text":"EU sanctions Russia.","published":"2026-11-20T11:00:00Z"}
        {"id":"a-6","url":"https://x.example/6","title":"EU adopts sanctions on Russia","text":"The EU adopted sanctions against Russia.","language":"en","published":"not a time"}
        {"id":"a-7","url":"https://x.example/7","title":"Russia expels EU diplomats","text":"Moscow expelled three EU diplomats.","language":"en","published":"2026-11-20T12:00:00Z"}
        """);

    Replayed eurus = replay(file.toString());

    assertThat(eurus.exit()).isEqualTo(1);
    List<String> errors = eurus.err().lines().filter(line -> !line.startsWith("eurus replay:")).toList();
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0)).startsWith("eurus: " + file + " line 2: not a JSON article (").endsWith("), skipped");
    assertThat(errors.get(1)).isEqualTo("eurus: " + file + " line 3: no published time, skipped");
    assertThat(errors.get(2)).isEqualTo("eurus: " + file + " line 5: no id, and no url to derive one from, skipped");
    assertThat(errors.get(3)).startsWith("eurus: " + file + " line 6: not a JSON article (").contains("Instant");
    assertThat(eurus.err()).contains("eurus replay: 2 articles in ").contains(", 4 bad lines");
    assertThat(alerts(eurus.out())).extracting(a -> a.path("articles").get(0).path("id").asText()).contains("a-1", "a-7");
  }

  @Test
  void aFileThatCannotBeReadIsOneLine() {
    Replayed eurus = replay(folder.resolve("missing.jsonl").toString());

    assertThat(eurus.exit()).isEqualTo(1);
    assertThat(eurus.err()).startsWith("eurus: cannot read " + folder.resolve("missing.jsonl")).hasLineCount(1);
  }

  @Test
  void aDetectorsFileOfAnotherProfileIsRefusedBeforeAnythingIsRead() throws IOException {
    Path detectors = Files.writeString(folder.resolve("detectors-eu-china.yaml"), "profile: eu-china\n");

    Replayed eurus = replay(coverage.toString(), "--detectors", detectors.toString());

    assertThat(eurus.exit()).isEqualTo(1);
    assertThat(eurus.out()).isEmpty();
    assertThat(eurus.err()).startsWith("eurus: the detectors file is for profile eu-china, but the watch profile is eu-russia")
        .hasLineCount(1);
  }

  /** What one run of the command printed, and its exit code. */
  private record Replayed(int exit, String out, String err) {
  }

  /**
   * Replays with the lexicon's tone: generated coverage tests the plumbing, and its planted tone turns are written
   * in the lexicon's words; at 2,000 articles the trained model (judged on real data, never on these) raises no
   * TONE_SHIFT from them.
   */
  private static Replayed replay(String... args) {
    CapturedEurus eurus = new CapturedEurus();
    List<String> all = new ArrayList<>(List.of("replay", "--lexicon-tone"));
    all.addAll(List.of(args));
    int exit = eurus.run(all.toArray(String[]::new));
    return new Replayed(exit, eurus.out(), eurus.err());
  }

  private static List<JsonNode> alerts(String out) {
    return out.lines().map(ReplayOfGeneratedCoverageTest::json).toList();
  }

  private static String published(String line) {
    return json(line).path("published").asText();
  }

  private static JsonNode json(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not one JSON object per line: " + line, e);
    }
  }

  private static Path write(String lines) throws IOException {
    Path file = Files.createTempFile(folder, "archive-", ".jsonl");
    return Files.writeString(file, lines, StandardCharsets.UTF_8);
  }
}
