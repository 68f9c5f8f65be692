package io.eurus.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;

/** Turns one parsed feed entry into an {@link Article}: stable id, plain text, sane times. */
public final class FeedItemMapper {

  private FeedItemMapper() {
  }

  /** Returns null for an entry with neither a GUID nor a link: nothing could identify it again. */
  public static Article toArticle(FeedDefinition feed, SyndEntry entry, Instant fetched) {
    String link = entry.getLink() == null ? "" : ArticleIds.canonicalUrl(entry.getLink());
    String identity = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri().trim() : link;
    if (identity.isEmpty()) {
      return null;
    }
    String summary = plainText(entry.getDescription() == null ? null : entry.getDescription().getValue());
    String content = plainText(contents(entry.getContents()));
    String text = content.isEmpty() ? summary : content;
    return new Article(Article.SCHEMA_VERSION, ArticleIds.of(identity), 1, feed.id(), feed.name(), feed.bloc(),
        link.isEmpty() ? null : link, plainText(entry.getTitle()), summary, text,
        entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor().trim(),
        feed.language() == null ? "und" : feed.language(), published(entry, fetched), fetched);
  }

  /** Feeds carry HTML in titles and descriptions; the desk reads plain text. */
  static String plainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return Jsoup.parse(html).text().strip();
  }

  private static String contents(List<SyndContent> contents) {
    if (contents == null || contents.isEmpty()) {
      return null;
    }
    StringBuilder all = new StringBuilder();
    contents.forEach(content -> all.append(content.getValue() == null ? "" : content.getValue()).append('\n'));
    return all.toString();
  }

  // A missing date, or one in the future (a wrong clock or time zone at the source), becomes the fetch time.
  private static Instant published(SyndEntry entry, Instant fetched) {
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date == null || date.toInstant().isAfter(fetched)) {
      return fetched;
    }
    return date.toInstant();
  }
}
