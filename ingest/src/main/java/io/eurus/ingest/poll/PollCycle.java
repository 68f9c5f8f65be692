package io.eurus.ingest.poll;

import io.eurus.events.Alert;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.ingest.fetch.FeedFetcher;
import io.eurus.ingest.fetch.FetchResult;
import io.eurus.ingest.fetch.Validators;
import io.eurus.ingest.parse.Articles;
import io.eurus.ingest.parse.FeedItemMapper;
import io.eurus.ingest.parse.FeedParser;
import io.eurus.ingest.parse.FullText;
import io.eurus.ingest.parse.LanguageGuesser;
import io.eurus.ingest.parse.ParsedFeed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One poll of one feed, from request to {@link PollOutcome}: conditional GET, parse (CPU work on its own
 * executor, off the HTTP client's threads), normalise, compare with what was seen, detect the language of
 * what is new, optionally fetch full text, and update the feed's health. Publishing is the caller's.
 */
public final class PollCycle {

  /** A 304 that changes nothing else still refreshes the stored "last success" this often. */
  static final Duration STATE_REFRESH = Duration.ofMinutes(10);

  private final FeedFetcher fetcher;
  private final LanguageGuesser languages;
  private final FullText fullText;
  private final FeedHealth health;
  private final Clock clock;
  private final Executor cpu;

  public PollCycle(FeedFetcher fetcher, LanguageGuesser languages, FullText fullText, FeedHealth health, Clock clock, Executor cpu) {
    this.fetcher = fetcher;
    this.languages = languages;
    this.fullText = fullText;
    this.health = health;
    this.clock = clock;
    this.cpu = cpu;
  }

  public CompletableFuture<PollOutcome> poll(FeedDefinition feed, FeedState state) {
    return fetcher.fetch(URI.create(feed.url()), new Validators(state.etag(), state.lastModified()))
        .thenApplyAsync(result -> process(feed, state, result), cpu)
        .thenCompose(outcome -> feed.fullText() ? withFullText(outcome) : CompletableFuture.completedFuture(outcome));
  }

  PollOutcome process(FeedDefinition feed, FeedState state, FetchResult result) {
    Instant now = clock.instant();
    if (result instanceof FetchResult.NotModified) {
      FeedState after = health.succeeded(state, now, state.etag(), state.lastModified(), state.seen(), List.of(),
          state.malformed(), state.recovered());
      return finish(feed, PollOutcome.Result.NOT_MODIFIED, state, after, List.of(), now);
    }
    if (result instanceof FetchResult.Failed failed) {
      return failed(feed, state, failed.reason(), failed.retryAfter(), now);
    }
    FetchResult.Fetched fetched = (FetchResult.Fetched) result;
    ParsedFeed parsed;
    try {
      parsed = FeedParser.parse(fetched.body(), fetched.contentType());
    } catch (FeedParser.FeedParseException e) {
      return failed(feed, state, e.getMessage(), null, now);
    }
    List<Article> items = parsed.entries().stream().map(entry -> FeedItemMapper.toArticle(feed, entry, now))
        .filter(Objects::nonNull).toList();
    SeenItems.Delta delta = SeenItems.compare(state.seen(), items, now);
    List<Article> publish = new ArrayList<>();
    for (Article article : delta.toPublish()) {
      publish.add(Articles.withLanguage(article, languages.of(article, feed.language())));
    }
    FeedState after = health.succeeded(state, now, fetched.etag(), fetched.lastModified(), delta.seen(),
        delta.fresh().stream().map(Article::published).toList(), parsed.malformed(), parsed.recovered());
    return finish(feed, PollOutcome.Result.MODIFIED, state, after, publish, now);
  }

  private PollOutcome failed(FeedDefinition feed, FeedState state, String reason, Duration retryAfter, Instant now) {
    return finish(feed, PollOutcome.Result.FAILED, state, health.failed(state, now, reason, retryAfter), List.of(), now);
  }

  private PollOutcome finish(FeedDefinition feed, PollOutcome.Result result, FeedState before, FeedState after,
      List<Article> articles, Instant now) {
    FeedHealth.Checked checked = health.check(feed, after, now);
    List<Alert> alerts = checked.alerts();
    FeedState state = checked.state();
    boolean write = result != PollOutcome.Result.NOT_MODIFIED || !alerts.isEmpty() || changedBesidesLastSuccess(before, state)
        || before.lastSuccess() == null || before.lastSuccess().plus(STATE_REFRESH).isBefore(now);
    return new PollOutcome(feed, result, articles, state, write, health.status(feed, state, now, articles.size()), alerts);
  }

  private static boolean changedBesidesLastSuccess(FeedState before, FeedState after) {
    FeedState same = after.withLastSuccess(before.lastSuccess());
    return !same.equals(before);
  }

  private CompletableFuture<PollOutcome> withFullText(PollOutcome outcome) {
    List<CompletableFuture<Article>> texts = outcome.articles().stream()
        .map(article -> fullText.of(article.url(), article.text()).thenApply(text -> Articles.withText(article, text)))
        .toList();
    return CompletableFuture.allOf(texts.toArray(CompletableFuture[]::new)).thenApply(done -> new PollOutcome(outcome.feed(),
        outcome.result(), texts.stream().map(CompletableFuture::join).toList(), outcome.state(), outcome.writeState(),
        outcome.status(), outcome.alerts()));
  }
}
