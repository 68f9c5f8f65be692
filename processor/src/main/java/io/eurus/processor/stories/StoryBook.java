package io.eurus.processor.stories;

import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The stories of the {@code stories} store, found by id around an event time. Steps after clustering (windows,
 * detectors) read it to count each story once per series and to cite stories as evidence; they must run in the
 * same sub-topology, i.e. on the stream {@link StoryClustering#apply} returns.
 */
public final class StoryBook {

  private final WindowStore<String, Story> store;
  private final ProcessingContext context;
  private final long horizonMs;

  private StoryBook(WindowStore<String, Story> store, ProcessingContext context, long horizonMs) {
    this.store = store;
    this.context = context;
    this.horizonMs = horizonMs;
  }

  public static StoryBook of(ProcessingContext context, long horizonMs) {
    return new StoryBook(context.getStateStore(StoryStores.STORIES), context, horizonMs);
  }

  /**
   * The story {@code storyId} if it opened within the horizon of {@code time}, else null (expired or unknown).
   * A story whose first article is older than the horizon behind stream time counts as expired whether or not
   * the store has dropped its segment yet, so what is found never depends on when segments go.
   */
  public Story find(String storyId, long time) {
    if (storyId == null) {
      return null;
    }
    try (WindowStoreIterator<Story> found = store.fetch(storyId, Math.max(time - horizonMs, oldestOpen()), time + horizonMs)) {
      return found.hasNext() ? found.next().value : null;
    }
  }

  /** The first event time a story may have and still be open: the horizon behind stream time. */
  long oldestOpen() {
    return context.currentStreamTimeMs() - horizonMs;
  }

  /** The story {@code storyId} that opened exactly at {@code firstSeen}, as the LSH buckets point to it. */
  Story at(String storyId, long firstSeen) {
    return store.fetch(storyId, firstSeen);
  }

  /** Every story the store holds, oldest first. */
  void forEach(java.util.function.Consumer<Story> action) {
    try (var all = store.all()) {
      all.forEachRemaining(entry -> action.accept(entry.value));
    }
  }

  void put(Story story) {
    store.put(story.id(), story, story.firstSeen());
  }
}
