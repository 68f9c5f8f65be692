package io.eurus.processor.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits text into sentences with the JDK's locale-aware rules (a line break ends a sentence too, so list items
 * and paragraphs stay apart). A sentence is shown with the whitespace inside it collapsed to single spaces.
 */
public final class Sentences {

  /** A sentence iterator is costly to make and not thread-safe: one per language and thread, reused. */
  private static final ThreadLocal<Map<String, BreakIterator>> BREAKS = ThreadLocal.withInitial(HashMap::new);

  private Sentences() {
  }

  /** The sentences of {@code text}, each with its whitespace collapsed; blank ones left out. */
  public static List<String> split(String text, String language) {
    List<String> sentences = new ArrayList<>();
    for (int[] range : ranges(text, language)) {
      sentences.add(collapseWhitespace(text, range[0], range[1]));
    }
    return sentences;
  }

  /** Where the sentences of {@code text} are: [start, end) ranges without the whitespace around them, in order. */
  public static List<int[]> ranges(String text, String language) {
    List<int[]> ranges = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return ranges;
    }
    BreakIterator breaks = BREAKS.get().computeIfAbsent(language == null ? "en" : language,
        code -> BreakIterator.getSentenceInstance(Locale.forLanguageTag(code)));
    breaks.setText(text);
    int start = breaks.first();
    for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      int from = start;
      int to = end;
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      if (from < to) {
        ranges.add(new int[] {from, to});
      }
    }
    return ranges;
  }

  /** {@code text} with every run of whitespace made one space and none at either end; itself when already so. */
  public static String collapseWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || i == 0 || i == text.length() - 1 || text.charAt(i + 1) == ' ')) {
        return collapseWhitespace(text, 0, text.length());
      }
    }
    return text;
  }

  private static String collapseWhitespace(String text, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
