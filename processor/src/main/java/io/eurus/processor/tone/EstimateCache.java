package io.eurus.processor.tone;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The estimates of sentences seen lately, least recently used out first: syndicated copies (a third of news)
 * repeat sentences word for word, and a sentence seen before is not encoded again.
 */
final class EstimateCache {

  private final Map<String, ToneEstimate> entries;
  private long hits;
  private long misses;

  EstimateCache(int capacity) {
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ToneEstimate> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized ToneEstimate get(String sentence) {
    ToneEstimate found = entries.get(sentence);
    if (found == null) {
      misses++;
    } else {
      hits++;
    }
    return found;
  }

  synchronized void put(String sentence, ToneEstimate estimate) {
    entries.put(sentence, estimate);
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
