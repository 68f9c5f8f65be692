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

  /** An RSS document whose DOCTYPE declares an external entity that would read /etc/passwd (XXE). */
  public static String externalEntity() {
    return "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel><title>&xxe;</title><link>https://x.example/</link><description>d</description>"
        + "</channel></rss>";
  }

  /** The billion laughs: nine levels of entities, each ten of the one below, 10⁹ "lol"s once expanded. */
  public static String billionLaughs() {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    return bomb.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>").toString();
  }
}
