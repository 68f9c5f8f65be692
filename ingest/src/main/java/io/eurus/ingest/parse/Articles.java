package io.eurus.ingest.parse;

import io.eurus.events.Article;

/** Copies of an article with one field changed: the record has many fields and no withers. */
public final class Articles {

  private Articles() {
  }

  public static Article withId(Article a, String id) {
    return new Article(a.schemaVersion(), id, a.revision(), a.feedId(), a.source(), a.bloc(), a.url(), a.title(),
        a.summary(), a.text(), a.author(), a.language(), a.published(), a.fetched());
  }

  public static Article withRevision(Article a, int revision) {
    return new Article(a.schemaVersion(), a.id(), revision, a.feedId(), a.source(), a.bloc(), a.url(), a.title(),
        a.summary(), a.text(), a.author(), a.language(), a.published(), a.fetched());
  }

  public static Article withLanguage(Article a, String language) {
    return new Article(a.schemaVersion(), a.id(), a.revision(), a.feedId(), a.source(), a.bloc(), a.url(), a.title(),
        a.summary(), a.text(), a.author(), language, a.published(), a.fetched());
  }

  public static Article withBloc(Article a, String bloc) {
    return new Article(a.schemaVersion(), a.id(), a.revision(), a.feedId(), a.source(), bloc, a.url(), a.title(),
        a.summary(), a.text(), a.author(), a.language(), a.published(), a.fetched());
  }

  public static Article withText(Article a, String text) {
    return new Article(a.schemaVersion(), a.id(), a.revision(), a.feedId(), a.source(), a.bloc(), a.url(), a.title(),
        a.summary(), text, a.author(), a.language(), a.published(), a.fetched());
  }
}
