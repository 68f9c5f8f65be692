package io.eurus.ingest.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Turns one parsed feed entry into an {@link Article}: stable id, plain text (jsoup), sane times. The
 * language is the feed's hint here; {@link LanguageGuesser} sets the detected one for items that are
 * published, so items seen before cost no detection.
 */
public final class FeedItemMapper {

  private FeedItemMapper() {
  }

  /** Returns null for an entry with neither a GUID nor a link: nothing could identify it again. */
  public static Article toArticle(FeedDefinition feed, SyndEntry entry, Instant fetched) {
    String link = entry.getLink() == null || entry.getLink().isBlank() ? "" : ArticleIds.canonicalUrl(entry.getLink());
    String identity = identity(feed, entry.getUri(), link);
    if (identity.isEmpty()) {
      return null;
    }
    String summary = plainText(entry.getDescription() == null ? null : entry.getDescription().getValue());
    String content = plainText(contents(entry.getContents()));
    String text = content.isEmpty() ? summary : content;
    String title = plainText(entry.getTitle());
    if (summary.isEmpty() && !content.isEmpty()) {
      summary = content.length() <= 500 ? content : content.substring(0, 500).strip() + "…";
    }
    return Article.builder()
        .id(ArticleIds.of(identity))
        .revision(1)
        .feedId(feed.id())
        .source(feed.name())
        .bloc(feed.bloc())
        .url(link.isEmpty() ? null : link)
        .title(title)
        .summary(summary)
        .text(text)
        .author(entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : plainText(entry.getAuthor()))
        .language(feed.language() == null ? "und" : feed.language())
        .published(published(entry, fetched))
        .fetched(fetched)
        .build();
  }

  /**
   * What identifies an item across polls: a GUID that is a URL is a permalink (canonicalised, so the same
   * page from two feeds is one article); any other GUID is only unique within its feed, so the feed id
   * scopes it; without a GUID, the canonical link.
   */
  static String identity(FeedDefinition feed, String guid, String canonicalLink) {
    if (guid != null && !guid.isBlank()) {
      String trimmed = guid.trim();
      if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
        return ArticleIds.canonicalUrl(trimmed);
      }
      return feed.id() + ":" + trimmed;
    }
    return canonicalLink;
  }

  /** The hash of what makes an edit: a change of title, summary or text is a new revision. */
  public static String contentHash(Article article) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String field : new String[] {article.title(), article.summary(), article.text()}) {
        sha.update((field == null ? "" : field).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Feeds carry HTML in titles and descriptions; the desk reads plain text. */
  public static String plainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.replaceAll("\\s+", " ").strip(); // most titles: no markup, no parser needed
    }
    return Jsoup.parseBodyFragment(html).text().strip();
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
