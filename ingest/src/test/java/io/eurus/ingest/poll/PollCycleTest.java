package io.eurus.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.AlertType;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.ingest.fetch.FeedFetcher;
import io.eurus.ingest.parse.FullText;
import io.eurus.ingest.parse.LanguageGuesser;
import io.eurus.ingest.testing.LocalHttpServer;
import io.eurus.ingest.testing.Rss;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One poll, from request to outcome, against a real local server: what is published, remembered and reported. */
class PollCycleTest {

  private static final String ARTICLE_PAGE = "<html><head><title>Full story</title></head><body><nav>Home | World</nav>"
      + "<article><h1>Council extends sanctions</h1>" + "<p>The Council of the European Union today extended the restrictive "
      + "measures against Russia by six months, until the end of July. The decision was taken unanimously by the member "
      + "states after weeks of negotiations over exemptions for agricultural products.</p>".repeat(4) + "</article>"
      + "<footer>Contact | Imprint</footer></body></html>";

  private LocalHttpServer server;
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T08:00:00Z"));
  private final AtomicInteger fullPolls = new AtomicInteger();
  private PollCycle cycle;

  @BeforeEach
  void start() throws IOException {
    server = new LocalHttpServer();
    server.route("/feed", exchange -> {
      exchange.getResponseHeaders().set("ETag", "\"v1\"");
      if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        LocalHttpServer.respond(exchange, 304, null, "");
      } else {
        fullPolls.incrementAndGet();
        LocalHttpServer.respond(exchange, 200, "application/rss+xml", Rss.of(new Rss.Item("a", "Council extends sanctions",
            "Teaser.")).replace("https://news.example/a", server.url("/article/a")));
      }
    });
    server.route("/broken", exchange -> LocalHttpServer.respond(exchange, 200, "application/rss+xml",
        "\n" + Rss.of(new Rss.Item("b", "Trade & energy", "EU&nbsp;and Russia"))));
    server.route("/gone", exchange -> LocalHttpServer.respond(exchange, 404, "text/plain", "no"));
    server.route("/article/", exchange -> LocalHttpServer.respond(exchange, 200, "text/html; charset=utf-8", ARTICLE_PAGE));
    FeedFetcher fetcher = new FeedFetcher(new FeedFetcher.Options("EurusTest/1.0", Duration.ofSeconds(5), 1 << 20, 5, 2), ProxySelector.of(null));
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    cycle = new PollCycle(fetcher, LanguageGuesser.shared(), new FullText(fetcher, 1 << 20, Duration.ofSeconds(5)),
        new FeedHealth(Duration.ofMinutes(30), 6, Duration.ofHours(3)), clock, Runnable::run);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FeedDefinition feed(String path, boolean fullText) {
    return new FeedDefinition(1, "test" + path.replace('/', '-'), server.url(path), "Test", "eu-institutions", "en",
        Duration.ofMinutes(10), fullText);
  }

  @Test
  void secondPollAnswered304PublishesNothingParsesNothingAndWritesNoState() {
    FeedDefinition feed = feed("/feed", false);

    PollOutcome first = cycle.poll(feed, FeedState.initial(feed.id())).join();
    PollOutcome second = cycle.poll(feed, first.state()).join();

    assertThat(first.result()).isEqualTo(PollOutcome.Result.MODIFIED);
    assertThat(first.articles()).extracting(Article::title).containsExactly("Council extends sanctions");
    assertThat(first.state().etag()).isEqualTo("\"v1\"");
    assertThat(second.result()).isEqualTo(PollOutcome.Result.NOT_MODIFIED);
    assertThat(second.articles()).isEmpty();
    assertThat(second.writeState()).isFalse();
    assertThat(second.status().lastSuccess()).isEqualTo(now.get());
    assertThat(fullPolls.get()).isEqualTo(1);
  }

  @Test
  void fullTextFeedGetsTheArticleFromItsPage() {
    FeedDefinition feed = feed("/feed", true);

    Article article = cycle.poll(feed, FeedState.initial(feed.id())).join().articles().get(0);

    assertThat(article.summary()).isEqualTo("Teaser.");
    assertThat(article.text()).contains("extended the restrictive measures against Russia by six months").doesNotContain("Imprint");
  }

  @Test
  void repairedFeedIsPublishedAndMarkedMalformedInItsStatus() {
    FeedDefinition feed = feed("/broken", false);

    PollOutcome outcome = cycle.poll(feed, FeedState.initial(feed.id())).join();

    assertThat(outcome.articles()).extracting(Article::title).containsExactly("Trade & energy");
    assertThat(outcome.status().malformed()).isTrue();
    assertThat(outcome.status().recovered()).contains("unescaped '&' escaped", "HTML entities");
  }

  @Test
  void failingFeedReportsItsReasonAndRaisesFeedFailingOnceAfterTheThreshold() {
    FeedDefinition feed = feed("/gone", false);

    PollOutcome first = cycle.poll(feed, FeedState.initial(feed.id())).join();
    now.set(now.get().plus(Duration.ofMinutes(31)));
    PollOutcome later = cycle.poll(feed, first.state()).join();
    now.set(now.get().plus(Duration.ofMinutes(10)));
    PollOutcome again = cycle.poll(feed, later.state()).join();

    assertThat(first.result()).isEqualTo(PollOutcome.Result.FAILED);
    assertThat(first.status().lastErrorReason()).isEqualTo("HTTP 404 Not Found");
    assertThat(first.alerts()).isEmpty();
    assertThat(later.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.FEED_FAILING);
      assertThat(alert.feedId()).isEqualTo(feed.id());
    });
    assertThat(again.alerts()).isEmpty();
    assertThat(again.status().consecutiveFailures()).isEqualTo(3);
  }

  @Test
  void committedPollsShowUpAsPrometheusMetricsPerFeed() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FeedMetrics metrics = new FeedMetrics(registry);
    FeedDefinition good = feed("/feed", false);
    FeedDefinition gone = feed("/gone", false);

    metrics.committed(cycle.poll(good, FeedState.initial(good.id())).join());
    metrics.committed(cycle.poll(gone, FeedState.initial(gone.id())).join());
    String scrape = registry.scrape();
    metrics.forget(gone.id());

    assertThat(scrape).contains("eurus_ingest_polls_total{result=\"modified\"} 1.0", "eurus_ingest_polls_total{result=\"failed\"} 1.0",
        "eurus_ingest_articles_published_total 1.0",
        "eurus_feed_consecutive_failures{bloc=\"eu-institutions\",feed=\"test-gone\"} 1.0",
        "eurus_feed_last_success_timestamp_seconds{bloc=\"eu-institutions\",feed=\"test-feed\"} " + (double) now.get().getEpochSecond());
    assertThat(registry.scrape()).doesNotContain("feed=\"test-gone\"");
  }
}
