package io.eurus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.events.FeedDefinition;
import io.eurus.platform.StartupException;
import io.eurus.platform.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPML subscription lists as feed readers write them, and the ones that are not. */
class OpmlImportTest {

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @TempDir
  Path tmp;

  private OpmlImport.Result read(String opml) throws IOException {
    return OpmlImport.read(Files.writeString(tmp.resolve("subs.opml"), opml), "unassigned", null, TEN_MINUTES);
  }

  @Test
  void opmlVersionOneOneAsNetNewsWireWritesItIsImported() throws IOException {
    OpmlImport.Result result = read("""
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.1"><head><title>NetNewsWire</title></head><body>
          <outline text="eu-media" title="eu-media">
            <outline text="EUobserver" title="EUobserver" type="rss" xmlUrl="https://euobserver.com/rss.xml"/>
          </outline>
        </body></opml>
        """);

    assertThat(result.feeds()).extracting(f -> f.id() + " " + f.bloc() + " " + f.url())
        .containsExactly("euobserver eu-media https://euobserver.com/rss.xml");
  }

  @Test
  void declaredLatin1IsReadAsLatin1() throws IOException {
    byte[] opml = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"1.0\"><head/><body>"
        + "<outline text=\"Le Monde diplomatique : Europe, Russie élargie\" xmlUrl=\"https://www.monde-diplomatique.fr/rss\"/>"
        + "</body></opml>").getBytes(StandardCharsets.ISO_8859_1);

    OpmlImport.Result result = OpmlImport.read(Files.write(tmp.resolve("latin1.opml"), opml), "eu-media", "fr", TEN_MINUTES);

    assertThat(result.feeds()).extracting(FeedDefinition::name).containsExactly("Le Monde diplomatique : Europe, Russie élargie");
  }

  @Test
  void outlineWithAnUnusableUrlIsSkippedWithItsReasonAndTheRestImported() throws IOException {
    OpmlImport.Result result = read("""
        <opml version="2.0"><head/><body>
          <outline text="Spaces" xmlUrl="http://exa mple.org/rss"/>
          <outline text="No host" xmlUrl="http:///rss"/>
          <outline text="Meduza" xmlUrl="https://meduza.io/rss/en/all"/>
        </body></opml>
        """);

    assertThat(result.feeds()).extracting(FeedDefinition::id).containsExactly("meduza");
    assertThat(result.skipped()).containsExactly("'Spaces': xmlUrl 'http://exa mple.org/rss' is not an http(s) URL",
        "'No host': xmlUrl 'http:///rss' is not an http(s) URL");
  }

  @Test
  void doctypeIsRefusedSoNoEntityIsExpanded() throws IOException {
    Path opml = Files.writeString(tmp.resolve("xxe.opml"), "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM "
        + "\"file:///etc/passwd\">]><opml version=\"1.0\"><head/><body><outline text=\"&x;\" xmlUrl=\"https://a.example/\"/></body></opml>");

    assertThatThrownBy(() -> OpmlImport.read(opml, "x", null, TEN_MINUTES)).isInstanceOf(StartupException.class)
        .hasMessage(opml + " is not an OPML file: DOCTYPE declarations are refused (no external entities, no entity expansion)");
  }

  /**
   * Every OPML file of the third-party corpus (Rome's samples, the W3C validator's cases): each is imported
   * or refused with one line, and the valid subscription lists give their feeds.
   */
  @Test
  void everyOpmlFileOfTheCorpusIsImportedOrRefusedInOneLine() throws IOException {
    Path corpus = Requirements.sharedData().resolve("feeds");
    Requirements.require(Files.isDirectory(corpus), "the feed corpus at " + corpus);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".opml") || p.getParent().endsWith("rome-opml"))
          .sorted().toList();
    }
    Map<String, Integer> imported = new TreeMap<>();
    Map<String, String> refused = new TreeMap<>();
    for (Path file : files) {
      String name = corpus.relativize(file).toString();
      try {
        imported.put(name, OpmlImport.read(file, "unassigned", null, TEN_MINUTES).feeds().size());
      } catch (StartupException e) {
        refused.put(name, e.getMessage());
      }
    }

    assertThat(files).hasSize(39);
    assertThat(imported).as("imported, most with no feed: outlines, playlists, scripts").hasSize(34)
        .containsEntry("w3c-feedvalidator/opml/clean/subscriptionList.opml", 13) // OPML 1.1
        .containsEntry("rome/rome-opml/opml_2.0.xml", 11);
    assertThat(imported.values().stream().mapToInt(Integer::intValue).sum()).as("feeds in all").isEqualTo(48);
    assertThat(refused).as("not OPML, not well-formed, no <body>").hasSize(5);
    assertThat(refused.values()).allSatisfy(reason -> assertThat(reason).doesNotContain("\n").doesNotContain("Exception"));
  }
}
