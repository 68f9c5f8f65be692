package io.eurus.ingest;

import com.rometools.rome.feed.synd.SyndEntry;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.Topics;
import io.eurus.platform.Service;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.ops.Ops;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each feed on its interval and publishes new and edited items to {@code articles}. An item is
 * remembered as seen only after the broker acknowledged it, so a failed send is retried on the next poll.
 */
public final class IngestService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final IngestSettings settings;
  private final List<FeedDefinition> feeds;
  private final Clock clock;
  private final Counter polls;
  private final Counter published;
  private final Counter failures;
  private final Map<String, Integer> seenContent = new ConcurrentHashMap<>();
  private final Map<String, Integer> revisions = new ConcurrentHashMap<>();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private HttpClient http;
  private EventProducer producer;
  private ScheduledExecutorService scheduler;

  public IngestService(IngestSettings settings, List<FeedDefinition> feeds, Ops ops, Clock clock) {
    this.settings = settings;
    this.feeds = List.copyOf(feeds);
    this.clock = clock;
    this.polls = ops.registry().counter("eurus_ingest_polls");
    this.published = ops.registry().counter("eurus_ingest_articles_published");
    this.failures = ops.registry().counter("eurus_ingest_poll_failures");
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void start() {
    http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(settings.requestTimeoutSeconds()))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    producer = new EventProducer(KafkaClients.producerConfig(settings.bootstrapServers(), "eurus-ingest"));
    scheduler = Executors.newScheduledThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "eurus-ingest-poll");
      thread.setDaemon(true);
      return thread;
    });
    for (FeedDefinition feed : feeds) {
      scheduler.scheduleWithFixedDelay(() -> pollSafely(feed), 0, feed.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
    LOG.info("Ingest polling {} feeds", feeds.size());
  }

  private void pollSafely(FeedDefinition feed) {
    try {
      poll(feed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failures.increment();
      LOG.warn("feed {} ({}): {}", feed.id(), feed.url(), e.getMessage());
    }
  }

  void poll(FeedDefinition feed) throws Exception {
    polls.increment();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feed.url()))
        .timeout(Duration.ofSeconds(settings.requestTimeoutSeconds()))
        .header("User-Agent", settings.userAgent())
        .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
    String etag = etags.get(feed.id());
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() == 304) {
        return;
      }
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      response.headers().firstValue("ETag").ifPresent(value -> etags.put(feed.id(), value));
      Instant fetched = clock.instant();
      for (SyndEntry entry : FeedParser.parse(body)) {
        Article article = FeedItemMapper.toArticle(feed, entry, fetched);
        if (article != null) {
          publishIfNew(article);
        }
      }
    }
  }

  private void publishIfNew(Article article) {
    int content = Objects.hash(article.title(), article.text());
    Integer seen = seenContent.get(article.id());
    if (seen != null && seen == content) {
      return;
    }
    int revision = seen == null ? 1 : revisions.getOrDefault(article.id(), 1) + 1;
    Article versioned = withRevision(article, revision);
    producer.send(Topics.ARTICLES, versioned.id(), versioned).whenComplete((metadata, error) -> {
      if (error == null) {
        seenContent.put(article.id(), content);
        revisions.put(article.id(), revision);
        published.increment();
      } else {
        LOG.warn("article {} not published, will retry on the next poll: {}", article.id(), error.getMessage());
      }
    });
  }

  private static Article withRevision(Article a, int revision) {
    return new Article(a.schemaVersion(), a.id(), revision, a.feedId(), a.source(), a.bloc(), a.url(), a.title(),
        a.summary(), a.text(), a.author(), a.language(), a.published(), a.fetched());
  }

  @Override
  public boolean healthy() {
    return scheduler != null && !scheduler.isShutdown();
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close();
    }
  }
}
