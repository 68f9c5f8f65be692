package io.eurus.ingest.parse;

import io.eurus.events.Article;

/** Copies of an article with one field changed: the record has many fields and no withers. */
public final class Articles {

  private Articles() {
  }

  public static Article withId(Article a, String id) {
    return a.withId(id);
  }

  public static Article withRevision(Article a, int revision) {
    return a.withRevision(revision);
  }

  public static Article withLanguage(Article a, String language) {
    return a.withLanguage(language);
  }

  public static Article withText(Article a, String text) {
    return a.withText(text);
  }
}
