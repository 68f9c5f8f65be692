package io.eurus.processor.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoryIdsTest {

  /**
   * The golden sample of articles.enriched holds every field of the record: a copy with another story id must
   * differ in that field only. When a field is added to EnrichedArticle and its golden sample, this fails until
   * {@link StoryIds} passes it on.
   */
  @Test
  void settingTheStoryIdKeepsEveryOtherField() throws Exception {
    byte[] golden = Files.readAllBytes(Path.of("..", "events", "src", "test", "resources", "golden", "articles.enriched.json"));
    EnrichedArticle article = Json.mapper().readValue(golden, EnrichedArticle.class);

    EnrichedArticle copy = StoryIds.withStoryId(article, "s-elsewhere");

    ObjectNode expected = (ObjectNode) Json.mapper().readTree(golden);
    expected.put("storyId", "s-elsewhere");
    assertThat((Object) Json.mapper().valueToTree(copy)).isEqualTo(expected);
  }
}
