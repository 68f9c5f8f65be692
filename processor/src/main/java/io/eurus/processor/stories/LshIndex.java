package io.eurus.processor.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * LSH buckets → the stories whose first article fell in them, on the heap: derived from the stories store (each
 * story keeps its signature) and rebuilt from it when the task starts, so it needs no changelog of its own.
 * Stories older than the horizon behind stream time are swept out, oldest first, so memory stays bounded by the
 * stories of one horizon and a sweep costs only what it removes (look-ups filter old stories out anyway).
 */
final class LshIndex {

  /** Where a bucket points: a story and the time it is stored at. */
  record Entry(String storyId, long firstSeen) {
  }

  /** A story in the index with its buckets, so it can be taken out of them again. */
  private record Indexed(Entry entry, long[] buckets) {
  }

  private final long horizonMs;
  private final Map<Long, List<Entry>> buckets = new HashMap<>();
  private final PriorityQueue<Indexed> byAge = new PriorityQueue<>(Comparator.comparingLong(i -> i.entry().firstSeen()));

  LshIndex(long horizonMs) {
    this.horizonMs = horizonMs;
  }

  void add(int[] signature, String storyId, long firstSeen) {
    Entry entry = new Entry(storyId, firstSeen);
    long[] keys = new long[MinHash.BANDS];
    for (int band = 0; band < MinHash.BANDS; band++) {
      keys[band] = MinHash.bucket(signature, band);
      buckets.computeIfAbsent(keys[band], b -> new ArrayList<>(1)).add(entry);
    }
    byAge.add(new Indexed(entry, keys));
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

  /** Forgets the stories older than the horizon behind {@code streamTime}. */
  void sweep(long streamTime) {
    long oldest = streamTime - horizonMs;
    while (!byAge.isEmpty() && byAge.peek().entry().firstSeen() < oldest) {
      Indexed expired = byAge.poll();
      for (long key : expired.buckets()) {
        List<Entry> entries = buckets.get(key);
        if (entries != null && entries.remove(expired.entry()) && entries.isEmpty()) {
          buckets.remove(key);
        }
      }
    }
  }
}
