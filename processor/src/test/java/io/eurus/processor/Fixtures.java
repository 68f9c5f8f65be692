package io.eurus.processor;

import io.eurus.events.Article;
import java.time.Instant;

/** Articles for tests. */
public final class Fixtures {

  private Fixtures() {
  }

  /** The shared, bundled EU–Russia enricher: building one costs a few hundred milliseconds. */
  private static EnricherSources.OpenEnricher bundled;

  public static synchronized ArticleEnricher enricher() {
    if (bundled == null) {
      bundled = EnricherSources.defaults().open(matcher -> { });
    }
    return bundled.enricher();
  }

  public static Article article(String id, String language, String title, String text) {
    Instant published = Instant.parse("2026-11-20T10:00:00Z");
    return Article.builder()
        .id(id)
        .revision(1)
        .feedId("test-feed")
        .source("Test source")
        .bloc("eu-media")
        .url("https://news.example/" + id)
        .title(title)
        .text(text)
        .language(language)
        .published(published)
        .fetched(published.plusSeconds(60))
        .build();
  }
}
