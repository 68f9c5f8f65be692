package io.eurus.processor.tone;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was computed for the sentences seen lately, least recently used out first: syndicated copies (a third of
 * news) repeat sentences word for word, and a sentence seen before is not encoded again. Counts its hits and misses.
 */
final class BoundedCache<K, V> {

  private final Map<K, V> entries;
  private long hits;
  private long misses;

  BoundedCache(int capacity) {
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized V get(K key) {
    V found = entries.get(key);
    if (found == null) {
      misses++;
    } else {
      hits++;
    }
    return found;
  }

  synchronized void put(K key, V value) {
    entries.put(key, value);
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
