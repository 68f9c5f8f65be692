package io.eurus.processor.coverage;

import io.eurus.events.EnrichedArticle;
import io.eurus.events.TermWeight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sentence that shows why an article pulled the tone one way, its strongest term marked {@code [[so]]}. */
final class Snippets {

  static final int MAX_LENGTH = 300;

  private Snippets() {
  }

  /**
   * The first sentence about the relationship that holds the article's strongest tone term pulling the way of
   * {@code sign} (the strongest term of any sign when none does); the first such sentence, else the title, when
   * no term is found in the sentences as written.
   */
  static String of(EnrichedArticle article, double sign) {
    List<String> sentences = new ArrayList<>(article.sentences());
    if (sentences.isEmpty() && article.article().title() != null) {
      sentences.add(article.article().title());
    }
    if (sentences.isEmpty()) {
      return null;
    }
    Optional<TermWeight> strongest = article.toneTerms().stream()
        .filter(term -> term.term() != null && !term.term().isBlank())
        .max(Comparator.comparingDouble((TermWeight term) -> Math.signum(term.weight()) == Math.signum(sign) ? 1 : 0)
            .thenComparingDouble(term -> Math.abs(term.weight())));
    if (strongest.isPresent()) {
      String term = strongest.get().term();
      for (String sentence : sentences) {
        int at = sentence.toLowerCase(Locale.ROOT).indexOf(term.toLowerCase(Locale.ROOT));
        if (at >= 0 && at + term.length() <= sentence.length()) {
          return marked(sentence, at, at + term.length());
        }
      }
    }
    return shortened(sentences.get(0));
  }

  private static String marked(String sentence, int from, int to) {
    String marked = sentence.substring(0, from) + "[[" + sentence.substring(from, to) + "]]" + sentence.substring(to);
    if (marked.length() <= MAX_LENGTH) {
      return marked;
    }
    int half = MAX_LENGTH / 2;
    int start = Math.max(0, Math.min(from - half, marked.length() - MAX_LENGTH));
    int end = Math.min(marked.length(), start + MAX_LENGTH);
    return (start > 0 ? "…" : "") + marked.substring(start, end) + (end < marked.length() ? "…" : "");
  }

  private static String shortened(String sentence) {
    return sentence.length() <= MAX_LENGTH ? sentence : sentence.substring(0, MAX_LENGTH) + "…";
  }
}
