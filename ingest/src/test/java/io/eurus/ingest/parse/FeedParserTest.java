package io.eurus.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.ingest.testing.Rss;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Strict parsing, the lenient repairs of real-world breakage, and the payloads that must never parse. */
class FeedParserTest {

  private static final String ITEM = "<item><guid>g1</guid><title>%s</title><description>%s</description></item>";

  private static String rss(String title, String description) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title><link>https://x.example/</link>"
        + "<description>d</description>" + ITEM.formatted(title, description) + "</channel></rss>";
  }

  private static ParsedFeed parse(String xml) throws FeedParser.FeedParseException {
    return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void wellFormedFeedParsesWithoutRepairs() throws Exception {
    ParsedFeed feed = parse(rss("Sanctions", "Text"));

    assertThat(feed.entries()).hasSize(1);
    assertThat(feed.malformed()).isFalse();
    assertThat(feed.recovered()).isNull();
  }

  @Test
  void byteOrderMarkAndWhitespaceBeforeThePrologAreRemovedAndReported() throws Exception {
    ParsedFeed feed = parse("\uFEFF\n  \n" + rss("Title", "Text"));

    assertThat(feed.entries()).hasSize(1);
    assertThat(feed.malformed()).isTrue();
    assertThat(feed.recovered()).isEqualTo("byte-order mark and whitespace before the XML prolog removed");
  }

  @Test
  void unescapedAmpersandsAndHtmlEntitiesAreRepairedButCdataIsLeftAlone() throws Exception {
    ParsedFeed feed = parse(rss("Trade &amp; energy: EU & Russia&nbsp;talk", "<![CDATA[Q&A <b>here</b>]]>"));

    assertThat(feed.entries().get(0).getTitle()).isEqualTo("Trade & energy: EU & Russia\u00A0talk");
    assertThat(feed.entries().get(0).getDescription().getValue()).isEqualTo("Q&A <b>here</b>");
    assertThat(feed.recovered()).isEqualTo("1 unescaped '&' escaped; 1 HTML entities (such as &nbsp;) replaced by characters");
  }

  @Test
  void cyrillicInWindows1251DeclaredAsUtf8IsReadAsWindows1251() throws Exception {
    byte[] body = rss("Санкции против России", "Евросоюз утвердил пакет").getBytes(Charset.forName("windows-1251"));

    ParsedFeed feed = FeedParser.parse(body, null);

    assertThat(feed.entries().get(0).getTitle()).isEqualTo("Санкции против России");
    assertThat(feed.recovered()).isEqualTo("declared charset UTF-8 is wrong; read as windows-1251");
  }

  @Test
  void utf8DeclaredAsLatin1IsReadAsUtf8InsteadOfGarbled() throws Exception {
    byte[] body = rss("Санкции", "Евросоюз").replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.UTF_8);

    ParsedFeed feed = FeedParser.parse(body, "application/rss+xml");

    assertThat(feed.entries().get(0).getTitle()).isEqualTo("Санкции");
    assertThat(feed.recovered()).isEqualTo("declared charset ISO-8859-1 is wrong; read as UTF-8");
  }

  @Test
  void controlCharactersAreRemoved() throws Exception {
    ParsedFeed feed = parse(rss("Bad\u000Bchar", "Text"));

    assertThat(feed.entries().get(0).getTitle()).isEqualTo("Badchar");
    assertThat(feed.recovered()).isEqualTo("control characters not allowed in XML removed");
  }

  @Test
  void externalEntityIsRefusedAndNoFileIsRead() {
    assertThatThrownBy(() -> parse(Rss.externalEntity())).isInstanceOf(FeedParser.FeedParseException.class)
        .hasMessage("DOCTYPE declarations are refused (no external entities, no entity expansion)");
  }

  @Test
  void billionLaughsIsRefusedAtOnce() {
    long began = System.nanoTime();

    assertThatThrownBy(() -> parse(Rss.billionLaughs())).isInstanceOf(FeedParser.FeedParseException.class)
        .hasMessageStartingWith("DOCTYPE declarations are refused");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void anHtmlPageWithItsDoctypeIsReportedAsNoFeedNotAsADoctype() {
    assertThatThrownBy(() -> parse("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Sign in</title></head><body>Log in</body></html>"))
        .hasMessage("not an RSS or Atom feed (root element <html>)");
    assertThatThrownBy(() -> parse("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<HTML><BODY>gone</BODY></HTML>"))
        .hasMessage("not an RSS or Atom feed (root element <HTML>)");
  }

  @Test
  void htmlPageIsRejectedWithOneLineNamingItsRootElement() {
    assertThatThrownBy(() -> parse("<html><head><title>Not found</title></head><body>404</body></html>"))
        .hasMessage("not an RSS or Atom feed (root element <html>)");
  }

  @Test
  void truncatedFeedIsRejectedWithLineAndColumn() {
    assertThatThrownBy(() -> parse(rss("T", "D").substring(0, 150)))
        .hasMessageStartingWith("not well-formed XML at line 1, column ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void emptyBodyIsRejected() {
    assertThatThrownBy(() -> FeedParser.parse(new byte[0], null)).hasMessage("empty body");
  }
}
