package io.eurus.processor.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases (sequences of stems) in a token list, longest first and without overlaps: "lift sanctions"
 * wins over "sanctions", "Council of the EU" over "EU". Each phrase carries a value (an actor, a lexicon entry).
 */
public final class PhraseIndex<V> {

  /** A phrase found at tokens {@code [from, to)}. */
  public record Found<V>(int from, int to, V value) {
  }

  private final Map<String, List<Entry<V>>> byFirstStem = new HashMap<>();
  private int longest;

  private record Entry<V>(List<String> stems, V value) {
  }

  /** Adds a phrase; an empty one (a word the analyser drops) is ignored. */
  public void add(List<String> stems, V value) {
    if (stems.isEmpty()) {
      return;
    }
    byFirstStem.computeIfAbsent(stems.get(0), s -> new ArrayList<>()).add(new Entry<>(List.copyOf(stems), value));
    longest = Math.max(longest, stems.size());
  }

  public boolean isEmpty() {
    return byFirstStem.isEmpty();
  }

  public List<Found<V>> find(List<Token> tokens) {
    List<Found<V>> found = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Entry<V> best = null;
      for (Entry<V> entry : byFirstStem.getOrDefault(tokens.get(i).stem(), List.of())) {
        if ((best == null || entry.stems().size() > best.stems().size()) && matchesAt(tokens, i, entry.stems())) {
          best = entry;
        }
      }
      if (best == null) {
        i++;
      } else {
        found.add(new Found<>(i, i + best.stems().size(), best.value()));
        i += best.stems().size();
      }
    }
    return found;
  }

  private static boolean matchesAt(List<Token> tokens, int at, List<String> stems) {
    if (at + stems.size() > tokens.size()) {
      return false;
    }
    for (int k = 1; k < stems.size(); k++) {
      if (!tokens.get(at + k).stem().equals(stems.get(k))) {
        return false;
      }
    }
    return true;
  }
}
