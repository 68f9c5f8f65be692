package io.eurus.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class FeedItemMapperTest {

  private static final FeedDefinition FEED = new FeedDefinition(1, "tass-en", "https://tass.com/rss/v2.xml", "TASS", "russia-state",
      "en", Duration.ofMinutes(5), false);
  private static final FeedDefinition OTHER = new FeedDefinition(1, "meduza-en", "https://meduza.io/rss/en/all", "Meduza",
      "russia-independent", "en", Duration.ofMinutes(5), false);
  private static final Instant FETCHED = Instant.parse("2026-11-24T08:00:00Z");

  private static SyndEntry entry(String guid, String link, String title, String description, Instant published) {
    SyndEntry entry = new SyndEntryImpl();
    entry.setUri(guid);
    entry.setLink(link);
    entry.setTitle(title);
    SyndContentImpl content = new SyndContentImpl();
    content.setValue(description);
    entry.setDescription(content);
    entry.setPublishedDate(published == null ? null : Date.from(published));
    return entry;
  }

  @Test
  void permalinkGuidIsCanonicalisedSoTheSamePageIsOneArticleWhateverItsTrackingParameters() {
    Article a = FeedItemMapper.toArticle(FEED, entry("https://tass.com/politics/1?utm_source=rss#top", null, "T", "D", null), FETCHED);
    Article b = FeedItemMapper.toArticle(OTHER, entry("https://tass.com/politics/1", null, "T", "D", null), FETCHED);

    assertThat(a.id()).isEqualTo(b.id()).isEqualTo(ArticleIds.of("https://tass.com/politics/1"));
  }

  @Test
  void opaqueGuidIsScopedByItsFeedSoTwoFeedsCannotCollide() {
    Article a = FeedItemMapper.toArticle(FEED, entry("12345", "https://tass.com/a", "T", "D", null), FETCHED);
    Article b = FeedItemMapper.toArticle(OTHER, entry("12345", "https://meduza.io/b", "T", "D", null), FETCHED);

    assertThat(a.id()).isNotEqualTo(b.id()).isEqualTo(ArticleIds.of("tass-en:12345"));
  }

  @Test
  void withoutGuidTheCanonicalLinkIdentifiesTheItem() {
    Article article = FeedItemMapper.toArticle(FEED, entry(null, "https://tass.com/x?id=7&utm_medium=feed#c", "T", "D", null), FETCHED);

    assertThat(article.id()).isEqualTo(ArticleIds.of("https://tass.com/x?id=7"));
    assertThat(article.url()).isEqualTo("https://tass.com/x?id=7");
  }

  @Test
  void entryWithNeitherGuidNorLinkIsSkipped() {
    assertThat(FeedItemMapper.toArticle(FEED, entry(null, null, "T", "D", null), FETCHED)).isNull();
  }

  @Test
  void htmlBecomesPlainTextAndSourceAndBlocComeFromTheFeed() {
    Article article = FeedItemMapper.toArticle(FEED,
        entry("g", "https://tass.com/g", "<b>EU</b> &amp; Russia", "<p>Talks <a href='x'>resume</a>.</p>", null), FETCHED);

    assertThat(article.title()).isEqualTo("EU & Russia");
    assertThat(article.summary()).isEqualTo("Talks resume.");
    assertThat(article.text()).isEqualTo("Talks resume.");
    assertThat(article.source()).isEqualTo("TASS");
    assertThat(article.bloc()).isEqualTo("russia-state");
    assertThat(article.feedId()).isEqualTo("tass-en");
  }

  @Test
  void publishedTimeInTheFutureOrMissingBecomesTheFetchTime() {
    Instant past = FETCHED.minus(Duration.ofHours(1));

    assertThat(FeedItemMapper.toArticle(FEED, entry("a", null, "T", "D", past), FETCHED).published()).isEqualTo(past);
    assertThat(FeedItemMapper.toArticle(FEED, entry("b", null, "T", "D", FETCHED.plusSeconds(3600)), FETCHED).published())
        .isEqualTo(FETCHED);
    assertThat(FeedItemMapper.toArticle(FEED, entry("c", null, "T", "D", null), FETCHED).published()).isEqualTo(FETCHED);
  }

  @Test
  void contentHashChangesWithTitleOrTextButNotWithFetchTime() {
    Article a = FeedItemMapper.toArticle(FEED, entry("g", null, "T", "D", null), FETCHED);
    Article later = FeedItemMapper.toArticle(FEED, entry("g", null, "T", "D", null), FETCHED.plusSeconds(60));
    Article edited = FeedItemMapper.toArticle(FEED, entry("g", null, "T (updated)", "D", null), FETCHED);

    assertThat(FeedItemMapper.contentHash(a)).isEqualTo(FeedItemMapper.contentHash(later)).isNotEqualTo(FeedItemMapper.contentHash(edited));
  }
}
