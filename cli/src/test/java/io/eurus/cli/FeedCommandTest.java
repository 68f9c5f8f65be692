package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.cli.testing.ServedFeed;
import io.eurus.events.Article;
import io.eurus.events.Json;
import io.eurus.events.Topics;
import io.eurus.ingest.FeedList;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The feed commands as a person uses them: their exact output contract and exit codes. */
class FeedCommandTest {

  private static final String RSS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Desk test</title>"
      + "<link>https://news.example/</link><description>d</description>"
      + "<item><guid isPermaLink=\"false\">g1</guid><title>EU adopts new sanctions against Russia</title>"
      + "<link>https://news.example/g1?utm_source=rss</link><description>The Council adopted a further package of restrictive "
      + "measures against Russia today, officials said.</description><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item>"
      + "<item><guid isPermaLink=\"false\">g2</guid><title>Переговоры в Женеве</title><link>https://news.example/g2</link>"
      + "<description>В Женеве состоялся первый за долгое время раунд консультаций между Россией и Евросоюзом.</description>"
      + "<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>";

  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int eurus(String... args) {
    CommandLine cli = Eurus.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void parsePrintsOneArticleRecordPerLineAndOneErrorLinePerBadInputThenExitsOne() throws Exception {
    Path good = Files.writeString(tmp.resolve("desk.xml"), RSS);
    Path html = Files.writeString(tmp.resolve("page.xml"), "<html><body>not a feed</body></html>");

    int exit = eurus("feed", "parse", good.toString(), html.toString(), tmp.resolve("missing.xml").toString(), "--bloc", "eu-media");

    assertThat(exit).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    Article first = Topics.ARTICLES.valueSerde().deserializer().deserialize("articles", lines.get(0).getBytes(StandardCharsets.UTF_8));
    Article second = Json.mapper().readValue(lines.get(1), Article.class);
    assertThat(first.title()).isEqualTo("EU adopts new sanctions against Russia");
    assertThat(first.url()).isEqualTo("https://news.example/g1");
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.bloc()).isEqualTo("eu-media");
    assertThat(first.source()).isEqualTo("Desk test");
    assertThat(first.revision()).isEqualTo(1);
    assertThat(second.language()).isEqualTo("ru");
    assertThat(err.toString().lines().toList()).containsExactly(
        html + ": error: not an RSS or Atom feed (root element <html>)",
        tmp.resolve("missing.xml") + ": error: no such file: " + tmp.resolve("missing.xml"));
  }

  @Test
  void parseShowsTheStackTraceOfAFailedInputOnlyWithVerbose() throws Exception {
    Path html = Files.writeString(tmp.resolve("page.xml"), "<html><body>not a feed</body></html>");

    int quiet = eurus("feed", "parse", html.toString());
    String quietErr = err.toString();
    err.getBuffer().setLength(0);
    int verbose = eurus("feed", "parse", "--verbose", html.toString());

    assertThat(quiet).isEqualTo(verbose).isEqualTo(1);
    assertThat(quietErr.lines()).containsExactly(html + ": error: not an RSS or Atom feed (root element <html>)");
    assertThat(err.toString().lines().toList()).first().isEqualTo(html + ": error: not an RSS or Atom feed (root element <html>)");
    assertThat(err.toString()).contains("FeedParseException", "\tat io.eurus.");
  }

  @Test
  void parseReadsUrlsAndExitsZeroWhenAllInputsParse() throws Exception {
    try (ServedFeed feed = new ServedFeed()) {
      feed.addItem("u1", "Commission presents digital strategy", "A plan for broadband in rural regions.");

      int exit = eurus("feed", "parse", feed.url());

      assertThat(exit).isZero();
      JsonNode article = Json.mapper().readTree(out.toString().lines().findFirst().orElseThrow());
      assertThat(article.path("url").asText()).isEqualTo("https://news.example/u1");
      assertThat(err.toString()).isEmpty();
    }
  }

  @Test
  void checkSaysWhatWasRecoveredInAMalformedFeed() throws Exception {
    Path broken = Files.writeString(tmp.resolve("broken.xml"), "\n\n" + RSS.replace("Desk test", "Trade & energy&nbsp;desk"));

    int exit = eurus("feed", "check", broken.toString());

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("status:    ok, malformed (recovered)", "items:     2",
        "newest:    2026-11-24T09:00:00Z  Переговоры в Женеве",
        "recovered: whitespace before the XML prolog removed; 1 unescaped '&' escaped; 1 HTML entities (such as &nbsp;) replaced by characters");
  }

  @Test
  void checkSaysWhyAFeedFailedAndExitsOne() throws Exception {
    Path xxe = Files.writeString(tmp.resolve("xxe.xml"),
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&x;</title></channel></rss>");

    int exit = eurus("feed", "check", xxe.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("status:    failed",
        "reason:    DOCTYPE declarations are refused (no external entities, no entity expansion)").doesNotContain("root:");
  }

  @Test
  void importOpmlWritesAFeedListThatLoadsWithFoldersAsBlocs() throws Exception {
    Path opml = Files.writeString(tmp.resolve("subs.opml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>Desk</title></head><body>
          <outline text="russia-independent">
            <outline text="Meduza" type="rss" xmlUrl="https://meduza.io/rss/en/all" language="en"/>
            <outline text="Медуза" type="rss" xmlUrl="https://meduza.io/rss/all" language="ru"/>
          </outline>
          <outline text="EUobserver" type="rss" xmlUrl="https://euobserver.com/rss.xml"/>
          <outline text="Broken" type="rss" xmlUrl="ftp://example.org/feed"/>
        </body></opml>
        """);
    Path list = tmp.resolve("feeds.yaml");

    int exit = eurus("feed", "import-opml", opml.toString(), "--bloc", "eu-media", "--interval", "15m", "-o", list.toString());

    assertThat(exit).isZero();
    var feeds = FeedList.load(list);
    assertThat(feeds).extracting(f -> f.id() + " " + f.bloc() + " " + f.language() + " " + f.pollInterval().toMinutes())
        .containsExactly("meduza russia-independent en 15", "meduza-io russia-independent ru 15", "euobserver eu-media null 15");
    assertThat(err.toString()).contains(opml + ": skipped 'Broken': xmlUrl 'ftp://example.org/feed' is not an http(s) URL",
        opml + ": 3 feeds imported to " + list);
  }

  @Test
  void importOpmlWithoutAnyFeedSaysSoInOneLineAndExitsOne() throws Exception {
    Path opml = Files.writeString(tmp.resolve("outline.opml"), "<opml version=\"1.1\"><head/><body><outline text=\"notes\"/></body></opml>");

    int exit = eurus("feed", "import-opml", opml.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).containsExactly("eurus: " + opml + ": no feeds to import (no outline with an http(s) xmlUrl)");
  }
}
