package io.eurus.ingest.testing;

import java.util.List;

/** Small RSS documents for tests. */
public final class Rss {

  private Rss() {
  }

  /** One item: guid, title, description (XML-safe text). */
  public record Item(String guid, String title, String description) {
  }

  public static String of(List<Item> items) {
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
        + "<title>Test feed</title><link>https://news.example/</link><description>test</description>");
    for (Item item : items) {
      rss.append("<item><guid isPermaLink=\"false\">").append(item.guid()).append("</guid><title>").append(item.title())
          .append("</title><link>https://news.example/").append(item.guid()).append("</link><description>")
          .append(item.description()).append("</description><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item>");
    }
    return rss.append("</channel></rss>").toString();
  }

  public static String of(Item... items) {
    return of(List.of(items));
  }
}
