package io.eurus.processor.stories;

import io.eurus.events.EnrichedArticle;

/** Copies an enriched article with its story id set. */
final class StoryIds {

  private StoryIds() {
  }

  /**
   * Every component is passed on by name: when {@link EnrichedArticle} gains a field, add it here (the test
   * {@code StoryIdsTest} compares a copy of the golden sample with the original, field by field).
   */
  static EnrichedArticle withStoryId(EnrichedArticle article, String storyId) {
    return article.withStoryId(storyId);
  }
}
