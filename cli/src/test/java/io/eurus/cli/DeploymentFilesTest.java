package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.events.Topics;
import io.eurus.platform.settings.ConfigTable;
import io.eurus.platform.settings.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files an operator deploys from must agree with the code: topic names, the settings reference, and the
 * detectors file the README explains.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void composeCreatesExactlyTheTopicsOfTheContractsWithTheirCleanupPolicy() throws IOException {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    String declared = compose.path("services").path("kafka-init").path("environment").path("EURUS_TOPICS").asText();

    List<String> inCompose = Arrays.stream(declared.trim().split("\\s+")).sorted().toList();
    List<String> inCode = Topics.ALL.stream()
        .map(topic -> topic.name() + ":" + (topic.compacted() ? "compact" : "delete")).sorted().toList();

    assertThat(inCompose).isEqualTo(inCode);
  }

  @Test
  void readmeShowsTheBundledDetectorsFileAsItIs() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String bundled = Files.readString(ROOT.resolve("processor/src/main/resources/eurus/detectors-eu-russia.yaml"));

    assertThat(readme).as("README.md's detectors file is out of date: paste the bundled file between the markers")
        .contains("<!-- detectors:start -->\n```yaml\n" + bundled + "```\n<!-- detectors:end -->");
  }

  @Test
  void readmeKafkaExamplesAreSettingsEurusAccepts(@TempDir Path tmp) throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Path secret = Files.writeString(tmp.resolve("secret"), "org.apache.kafka.common.security.plain.PlainLoginModule required;");
    Matcher blocks = Pattern.compile("```yaml\\n(?:#.*\\n|version: .*\\n)*(x-kafka: &kafka\\n(?:  .*\\n)+)").matcher(readme);
    Matcher commands = Pattern.compile("```sh\\n(\\./eurus (?:ingest|processor|alerts) [^`]*)```").matcher(readme);
    int examples = 0;

    while (blocks.find()) {
      JsonNode block = new ObjectMapper(new YAMLFactory()).readTree(blocks.group(1)).path("x-kafka");
      Map<String, String> env = new HashMap<>();
      block.fields().forEachRemaining(field ->
          env.put(field.getKey(), field.getKey().endsWith("_FILE") ? secret.toString() : field.getValue().asText()));
      assertThatCode(() -> SettingsLoader.load(AllInOne.DEFINITION, env, Map.of())).as(blocks.group(1)).doesNotThrowAnyException();
      examples++;
    }
    while (commands.find()) {
      List<String> words = Arrays.asList(commands.group(1).replace("\\\n", " ").trim().split("\\s+"));
      Map<String, String> set = new HashMap<>();
      Map<String, Path> files = new HashMap<>();
      for (int i = 0; i < words.size() - 1; i++) {
        String[] setting = words.get(i + 1).split("=", 2);
        if (words.get(i).equals("--set")) {
          set.put(setting[0], setting[1]);
        } else if (words.get(i).equals("--set-file")) {
          files.put(setting[0], secret);
        }
      }
      assertThatCode(() -> SettingsLoader.load(AllInOne.DEFINITION, Map.of(), new SettingsLoader.CommandLineValues(set, files), Map.of()))
          .as(commands.group(1)).doesNotThrowAnyException();
      examples++;
    }

    assertThat(examples).as("the SASL_SSL, mTLS and managed-cluster examples in both forms").isEqualTo(6);
  }

  @Test
  void readmeConfigurationReferenceIsTheOneGeneratedFromTheSettingsDefinitions() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String generated = ConfigTable.markdown(AllInOne.DEFINITION);

    assertThat(readme)
        .as("README.md's configuration table is out of date: paste the output of './eurus config' between the markers")
        .contains("<!-- config:start -->\n" + generated + "<!-- config:end -->");
  }
}
