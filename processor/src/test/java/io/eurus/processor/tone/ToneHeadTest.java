package io.eurus.processor.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneHeadTest {

  private static final TextFeatures FEATURES = new TextFeatures(1 << 8, true);

  @Test
  void shouldReadBackWhatItWritesWithWeightsRoundedToBytes() {
    float[][] sparse = new float[3][FEATURES.buckets()];
    sparse[0][FEATURES.of("war").buckets()[0]] = -2.5f;
    sparse[2][FEATURES.of("peace").buckets()[0]] = 1.25f;
    ToneHead head = new ToneHead("ru", null, FEATURES, new float[] {0.1f, 0.2f, -0.3f}, new float[3][0], sparse, null);

    ToneHead read = ToneHead.read(new ByteArrayInputStream(head.toJson()), "test");

    assertThat(read.toJson()).isEqualTo(head.toJson());
    assertThat(read.estimate(null, FEATURES.of("war")).conflict())
        .isCloseTo(head.estimate(null, FEATURES.of("war")).conflict(), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void shouldNameTheFileInOneLineWhenAHeadIsCorrupt() {
    byte[] corrupt = "{\"format\":1,\"language\":\"en\",\"features\":{\"buckets\":256},\"bias\":[0,0".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ToneHead.read(new ByteArrayInputStream(corrupt), "models/head-en.json"))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("tone model models/head-en.json cannot be read: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldNameTheMissingHeadAtStartUp(@TempDir Path folder) {
    assertThatThrownBy(() -> ToneModels.load(folder, List.of("en"), 10))
        .isInstanceOf(StartupException.class)
        .hasMessage("tone model " + folder.resolve("head-en.json") + " is missing");
  }

  @Test
  void shouldRefuseAHeadWrittenForAnotherLanguage(@TempDir Path folder) throws Exception {
    ToneHead russian = new ToneHead("ru", null, FEATURES, new float[3], new float[3][0], new float[3][FEATURES.buckets()], null);
    Files.write(folder.resolve("head-en.json"), russian.toJson());

    assertThatThrownBy(() -> ToneModels.load(folder, List.of("en"), 10))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("is for language 'ru', not 'en'");
  }

  @Test
  void shouldHashTheSameWordsToTheSameBucketsEveryTime() {
    assertThat(FEATURES.of("Sanctions against Russia").buckets()).isEqualTo(FEATURES.of("sanctions AGAINST russia!").buckets());
    assertThat(FEATURES.of("").buckets()).isEmpty();
  }
}
