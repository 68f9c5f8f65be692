package io.eurus.tools.bench;

import io.eurus.cli.demo.DemoFeeds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Typical news feeds for the benchmarks: RSS 2.0 with an item's title, link, GUID, author, date and an
 * HTML description, written from the demo stories (English and Russian news prose of realistic length).
 */
final class BenchFeeds {

  private final List<DemoFeeds.Item> stories = DemoFeeds.bundled().feeds().stream().flatMap(f -> f.items().stream()).toList();
  /** Item n was published n × 10 minutes after this (never later than now): the first items are from the last few hours. */
  private final long epoch = Instant.now().getEpochSecond() - 20 * 600;

  /** Feed {@code feed}'s document at {@code version}: its newest {@code items} items, item n being story n. */
  byte[] rss(int feed, long version, int items) {
    StringBuilder xml = new StringBuilder(16 * 1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Bench feed ").append(feed)
        .append("</title><link>https://bench.example/").append(feed).append("/</link><description>Benchmark feed</description>")
        .append("<language>en</language>");
    for (long n = version + items - 1; n >= version; n--) {
      DemoFeeds.Item story = stories.get((int) ((feed * 31L + n) % stories.size()));
      String url = "https://bench.example/" + feed + "/news/" + n + "?utm_source=rss&amp;utm_medium=feed";
      xml.append("<item><title>").append(escape(story.title())).append("</title><link>").append(url).append("</link>")
          .append("<guid isPermaLink=\"false\">bench-").append(feed).append('-').append(n).append("</guid>")
          .append("<dc:creator>").append(escape(story.author() == null ? "Desk" : story.author())).append("</dc:creator>")
          .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(Math.min(epoch + n * 600, Instant.now().getEpochSecond()))
              .atOffset(ZoneOffset.UTC))).append("</pubDate>")
          .append("<description>").append(escape("<p>" + story.summary() + "</p><p><a href=\"" + url + "\">Read more</a></p>"))
          .append("</description></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
