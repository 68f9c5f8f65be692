package io.eurus.processor.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The passage that made a rule match, with every matched term in it marked {@code [[like this]]}: the title when
 * most of the match is there, else about 200 characters of text from before the first hit, cut at word boundaries.
 */
final class Snippets {

  private static final int RADIUS = 100;

  private Snippets() {
  }

  /** Between the title and the body in the {@code text} field; two characters, so offsets map back simply. */
  static final String TITLE_SEPARATOR = "\n\n";

  static String of(RuleHits match, String title, String text) {
    List<int[]> inTitle = merge(match.title);
    List<int[]> inText = new ArrayList<>();
    int bodyStart = title.isEmpty() ? 0 : title.length() + TITLE_SEPARATOR.length();
    for (int[] hit : merge(match.text)) {
      if (hit[0] < bodyStart) {
        inTitle.add(hit);
      } else {
        inText.add(new int[] {hit[0] - bodyStart, hit[1] - bodyStart});
      }
    }
    inTitle = merge(inTitle);
    // The part where more of the query matched tells why the rule fired; the title wins a tie.
    if (!inTitle.isEmpty() && inTitle.size() >= inText.size()) {
      return mark(title, 0, title.length(), inTitle);
    }
    if (inText.isEmpty()) {
      return title; // a pure NOT query matches without hits
    }
    int first = inText.get(0)[0];
    int from = wordStart(text, Math.max(0, first - RADIUS));
    int to = wordEnd(text, Math.min(text.length(), Math.max(inText.get(0)[1], first + RADIUS)));
    return (from > 0 ? "…" : "") + mark(text, from, to, inText) + (to < text.length() ? "…" : "");
  }

  /** Ranges sorted, and overlapping ones joined. */
  private static List<int[]> merge(List<int[]> ranges) {
    ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] range : ranges) {
      if (!merged.isEmpty() && range[0] <= merged.get(merged.size() - 1)[1]) {
        int[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.add(range.clone());
      }
    }
    return merged;
  }

  private static String mark(String text, int from, int to, List<int[]> hits) {
    StringBuilder out = new StringBuilder();
    int at = from;
    for (int[] hit : hits) {
      if (hit[0] < from || hit[1] > to) {
        continue;
      }
      out.append(text, at, hit[0]).append("[[").append(text, hit[0], hit[1]).append("]]");
      at = hit[1];
    }
    return out.append(text, at, to).toString().strip();
  }

  private static int wordStart(String text, int at) {
    while (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
      at--;
    }
    return at;
  }

  private static int wordEnd(String text, int at) {
    while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at;
  }
}
