package io.eurus.processor.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences with the JDK's locale-aware rules (a line break ends a sentence too, so list items
 * and paragraphs stay apart); whitespace inside a sentence is collapsed to single spaces.
 */
public final class Sentences {

  private Sentences() {
  }

  public static List<String> split(String text, String language) {
    List<String> sentences = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return sentences;
    }
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language == null ? "en" : language));
    breaks.setText(text);
    int start = breaks.first();
    for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      String sentence = collapseWhitespace(text, start, end);
      if (!sentence.isEmpty()) {
        sentences.add(sentence);
      }
    }
    return sentences;
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
