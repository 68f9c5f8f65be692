package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyst's score command: the output contracts of plain text and JSON lines, and its bad-input lines. */
class ScoreCommandTest {

  @TempDir
  Path tmp;

  private final CapturedEurus captured = new CapturedEurus();

  private int eurus(String... args) {
    return captured.run(args);
  }

  @Test
  void plainTextGivesOneObjectWithRelevanceActorsRulesToneAndItsExplanation() throws Exception {
    Path text = Files.writeString(tmp.resolve("text.txt"), "Russia expelled three EU diplomats.\n");

    int exit = eurus("score", text.toString());

    assertThat(exit).isZero();
    JsonNode result = Json.mapper().readTree(captured.out());
    assertThat(result.path("relevant").asBoolean()).isTrue();
    assertThat(result.path("actors").toString()).contains("Russia", "European Union");
    assertThat(result.path("rules").get(0).path("id").asText()).isEqualTo("expulsions");
    assertThat(result.path("tone").asDouble()).isNegative();
    assertThat(result.has("polarity")).isTrue();
    assertThat(result.path("toneSource").asText()).isEqualTo("model:en:bge-small-en-v1.5-q");
    assertThat(result.path("explanation").path("terms").get(0).path("category").asText()).isEqualTo("model");
    assertThat(result.path("explanation").path("terms").get(0).path("term").asText()).contains("expelled");
    assertThat(result.path("explanation").path("sentences").get(0).path("tone").asDouble()).isNegative();
  }

  @Test
  void jsonLinesKeepTheIdAndGiveToneZeroForTextsNotAboutTheRelationship() throws Exception {
    Path corpus = Files.writeString(tmp.resolve("corpus.jsonl"), String.join("\n",
        "{\"id\": 7, \"text\": \"ЕС ввел новые санкции против России.\"}",
        "{\"id\": \"b\", \"text\": \"A lovely sunny day at the beach.\", \"language\": \"en\"}", ""));

    int exit = eurus("score", "--jsonl", corpus.toString());

    assertThat(exit).isZero();
    List<JsonNode> lines = captured.out().lines().map(ScoreCommandTest::json).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("id").asInt()).isEqualTo(7);
    assertThat(lines.get(0).path("tone").asDouble()).isNegative();
    assertThat(lines.get(0).path("relevant").asBoolean()).isTrue();
    assertThat(lines.get(0).path("rules").toString()).isEqualTo("[\"sanctions\"]");
    assertThat(lines.get(1).path("id").asText()).isEqualTo("b");
    assertThat(lines.get(1).path("tone").asDouble()).isZero();
    assertThat(lines.get(1).path("polarity").asDouble()).isPositive();
    assertThat(lines.get(1).path("relevant").asBoolean()).isFalse();
  }

  @Test
  void aBadLineIsReportedWithItsNumberAndTheOthersAreScored() throws Exception {
    Path corpus = Files.writeString(tmp.resolve("corpus.jsonl"),
        "not json\n{\"id\": 2}\n{\"id\": 3, \"text\": \"The EU will impose sanctions.\"}\n");

    int exit = eurus("score", "--jsonl", corpus.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(captured.out().lines()).hasSize(1);
    assertThat(captured.err()).contains(corpus + " line 1: not JSON")
        .contains(corpus + " line 2: needs an object with a \"text\" string, skipped");
  }

  @Test
  void aRulesFileWithABrokenRuleNamesItAndScoresWithTheOthers() throws Exception {
    Path rules = Files.writeString(tmp.resolve("rules.yaml"), """
        rules:
          - {id: broken, name: Broken, query: 'sanctions AND ('}
          - {id: mine, name: Mine, query: 'sanction*'}
        """);
    Path corpus = Files.writeString(tmp.resolve("c.jsonl"), "{\"id\": 1, \"text\": \"The EU will impose sanctions.\"}\n");

    int exit = eurus("score", "--jsonl", "--rules", rules.toString(), corpus.toString());

    assertThat(exit).isZero();
    assertThat(captured.err()).contains("rule 'broken': cannot parse the query at line 1, column");
    assertThat(json(captured.out().strip()).path("rules").toString()).isEqualTo("[\"mine\"]");
  }

  @Test
  void aMissingProfileFileIsOneLineNamingIt() {
    int exit = eurus("score", "--profile", tmp.resolve("nope.yaml").toString(), "-");

    assertThat(exit).isEqualTo(1);
    assertThat(captured.err()).isEqualTo("eurus: watch profile " + tmp.resolve("nope.yaml") + " does not exist" + System.lineSeparator());
  }

  private static JsonNode json(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
