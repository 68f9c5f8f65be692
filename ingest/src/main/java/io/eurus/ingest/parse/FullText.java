package io.eurus.ingest.parse;

import io.eurus.ingest.fetch.FeedFetcher;
import io.eurus.ingest.fetch.FetchResult;
import io.eurus.ingest.fetch.Validators;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Readability4J;

/**
 * The full text of a teaser feed's item: its page fetched (same politeness, its own size cap) and the
 * article extracted with readability4j. Whatever goes wrong, the item keeps its feed text: full text is
 * a bonus, never a reason to lose or delay an item beyond the fetch deadline.
 */
public final class FullText {

  private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);

  private final FeedFetcher fetcher;
  private final long maxBytes;
  private final Duration timeout;

  public FullText(FeedFetcher fetcher, long maxBytes, Duration timeout) {
    this.fetcher = fetcher;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
  }

  /** The page's article text, or {@code fallback} when there is no page, no article or it is shorter. */
  public CompletableFuture<String> of(String url, String fallback) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      return CompletableFuture.completedFuture(fallback);
    }
    return fetcher.fetch(URI.create(url), Validators.NONE, maxBytes).thenApply(result -> {
      if (!(result instanceof FetchResult.Fetched page)) {
        return fallback;
      }
      String text = extract(url, new String(page.body(), charset(page.contentType())));
      return text.length() > fallback.length() ? text : fallback;
    }).exceptionally(error -> fallback).completeOnTimeout(fallback, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The readable article text of an HTML page, whitespace normalised; empty when none is found. */
  public static String extract(String url, String html) {
    try {
      String text = new Readability4J(url, html).parse().getTextContent();
      return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      Matcher m = CHARSET.matcher(contentType);
      if (m.find()) {
        try {
          return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
