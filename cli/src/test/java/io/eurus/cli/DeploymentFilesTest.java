package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.events.Topics;
import io.eurus.platform.settings.ConfigTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

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
  void readmeConfigurationReferenceIsTheOneGeneratedFromTheSettingsDefinitions() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String generated = ConfigTable.markdown(AllInOne.DEFINITION);

    assertThat(readme)
        .as("README.md's configuration table is out of date: paste the output of './eurus config' between the markers")
        .contains("<!-- config:start -->\n" + generated + "<!-- config:end -->");
  }
}
