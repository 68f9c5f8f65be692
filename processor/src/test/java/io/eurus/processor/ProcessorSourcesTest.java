package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
import io.eurus.platform.ops.Ops;
import io.eurus.platform.settings.CommonSettings;
import io.eurus.processor.series.SeriesSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the topology is made from is checked at start-up, every problem at once. */
class ProcessorSourcesTest {

  @TempDir
  Path folder;

  @Test
  void theBundledFilesOpenAndBelongToTheSameProfile() {
    try (ProcessorSources.OpenProcessor open = new ProcessorSources(EnricherSources.defaults(), null).open(m -> { })) {
      assertThat(open.detectors().profile()).isEqualTo(open.enricher().enricher().profileId()).isEqualTo("eu-russia");
    }
  }

  @Test
  void serviceRefusesToStartWithTheDetectorsFileOfAnotherProfile() throws Exception {
    Path detectors = Files.writeString(folder.resolve("detectors-eu-china.yaml"), "profile: eu-china\n");
    ProcessorSettings settings = new ProcessorSettings(Map.of(CommonSettings.BOOTSTRAP_SERVERS, "unused:9092",
        SeriesSettings.DETECTORS_FILE, detectors.toString()));

    try (ProcessorService service = new ProcessorService(settings, new Ops())) {
      assertThatThrownBy(service::start).isInstanceOf(StartupException.class).hasMessage(
          "the detectors file is for profile eu-china, but the watch profile is eu-russia: "
              + "set processor.detectors.file to the detectors file of eu-russia");
      assertThat(service.healthy()).as("no stream was started").isFalse();
    }
  }

  @Test
  void aBrokenDetectorsFileIsReportedTogetherWithABrokenProfile() throws Exception {
    Path detectors = Files.writeString(folder.resolve("detectors.yaml"), "profile: eu-russia\nwindows: { size: 7m }\n");
    Path profile = Files.writeString(folder.resolve("profile.yaml"), "id: [unclosed\n");

    assertThatThrownBy(() -> new ProcessorSources(EnricherSources.defaults().withProfile(profile), detectors).open(m -> { }))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining(detectors + ": windows.size: must divide a day evenly")
        .hasMessageContaining("watch profile " + profile + " is not valid YAML at line 2, column 1: ");
  }
}
