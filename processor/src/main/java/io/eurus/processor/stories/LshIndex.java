package io.eurus.processor.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LSH buckets → the stories whose first article fell in them, on the heap: derived from the stories store (each
 * story keeps its signature) and rebuilt from it when the task starts, so it needs no changelog of its own.
 * Stories older than the horizon are swept out once per {@link #SWEEP_EVERY_MS} of stream time (to bound memory;
 * look-ups filter them out anyway).
 */
final class LshIndex {

  static final long SWEEP_EVERY_MS = 3_600_000;

  /** Where a bucket points: a story and the time it is stored at. */
  record Entry(String storyId, long firstSeen) {
  }

  private final long horizonMs;
  private final Map<Long, List<Entry>> buckets = new HashMap<>();
  private long sweptAt = Long.MIN_VALUE;

  LshIndex(long horizonMs) {
    this.horizonMs = horizonMs;
  }

  void add(int[] signature, String storyId, long firstSeen) {
    Entry entry = new Entry(storyId, firstSeen);
    for (int band = 0; band < MinHash.BANDS; band++) {
      buckets.computeIfAbsent(MinHash.bucket(signature, band), b -> new ArrayList<>(1)).add(entry);
    }
  }

  /**
   * Stories sharing a band with {@code signature} whose first article is within the horizon of {@code time} and
   * not before {@code oldestOpen}: when the sweep ran does not change what is found.
   */
  Set<Entry> candidates(int[] signature, long time, long oldestOpen) {
    Set<Entry> found = new LinkedHashSet<>();
    for (int band = 0; band < MinHash.BANDS; band++) {
      List<Entry> entries = buckets.get(MinHash.bucket(signature, band));
      if (entries != null) {
        for (Entry entry : entries) {
          if (Math.abs(entry.firstSeen() - time) <= horizonMs && entry.firstSeen() >= oldestOpen) {
            found.add(entry);
          }
        }
      }
    }
    return found;
  }

  /** Forgets stories that are older than the horizon behind {@code streamTime}, at most once an hour of it. */
  void sweep(long streamTime) {
    if (sweptAt != Long.MIN_VALUE && streamTime - sweptAt < SWEEP_EVERY_MS) {
      return;
    }
    sweptAt = streamTime;
    long oldest = streamTime - horizonMs;
    buckets.values().forEach(entries -> entries.removeIf(entry -> entry.firstSeen() < oldest));
    buckets.values().removeIf(List::isEmpty);
  }

  int size() {
    return buckets.size();
  }
}
