package io.eurus.processor.coverage;

import io.eurus.events.ArticleRef;
import java.time.Instant;
import java.util.Comparator;

/**
 * An article that stands for its story in a window, kept as possible evidence: the stories that pulled the tone
 * furthest either way.
 *
 * @param snippet the sentence that carries the article's strongest tone term, the term marked {@code [[so]]}
 */
public record Contribution(String articleId, String storyId, String title, String url, String source, String bloc,
    Instant published, String snippet, double tone) {

  /** Most negative first; ties by earlier publication, then id, so the choice never depends on arrival order. */
  static final Comparator<Contribution> MOST_NEGATIVE = Comparator.comparingDouble(Contribution::tone)
      .thenComparing(Contribution::published, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Contribution::articleId);

  /** Most positive first; same ties. */
  static final Comparator<Contribution> MOST_POSITIVE = Comparator.comparingDouble((Contribution c) -> -c.tone())
      .thenComparing(Contribution::published, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Contribution::articleId);

  public ArticleRef ref() {
    return new ArticleRef(articleId, title, url, source, bloc, published, snippet);
  }
}
