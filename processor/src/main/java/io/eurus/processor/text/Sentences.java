package io.eurus.processor.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into sentences with the JDK's locale-aware rules; a title is one sentence of its own. */
public final class Sentences {

  private Sentences() {
  }

  public static List<String> split(String text, String language) {
    List<String> sentences = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return sentences;
    }
    for (String paragraph : text.split("\\R\\s*\\R|\\R(?=\\s*[-•*]\\s)")) {
      BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language == null ? "en" : language));
      breaks.setText(paragraph);
      int start = breaks.first();
      for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
        String sentence = paragraph.substring(start, end).strip().replaceAll("\\s+", " ");
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
        }
      }
    }
    return sentences;
  }
}
