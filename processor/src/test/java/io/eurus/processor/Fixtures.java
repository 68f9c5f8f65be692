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
    return new Article(Article.SCHEMA_VERSION, id, 1, "test-feed", "Test source", "eu-media",
        "https://news.example/" + id, title, null, text, null, language, published, published.plusSeconds(60));
  }
}
