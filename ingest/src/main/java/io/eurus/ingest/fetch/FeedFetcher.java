package io.eurus.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import io.eurus.platform.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * Fetches feeds politely with the JDK's HTTP client: a clear User-Agent, conditional GET (ETag and
 * Last-Modified, so an unchanged feed costs a 304 and no parsing), gzip, at most {@code maxRedirects}
 * redirects with loop detection, at most N requests in flight per host and none while a host's Retry-After
 * runs (it asked for a pause, whichever feed it answered), one deadline for the whole
 * exchange (connect, headers and body: a server that drips its body is cut off), and a size cap enforced
 * while reading, also after decompression. {@code file:} URLs are read from disk with the same cap.
 *
 * <p>Asynchronous: no thread waits on a slow server, so one instance can poll thousands of feeds.
 */
public final class FeedFetcher {

  /** How a fetch behaves; one per service. */
  public record Options(String userAgent, Duration timeout, long maxBytes, int maxRedirects, int maxPerHost) {
  }

  private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
      + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

  private final Options options;
  private final HttpClient http;
  private final HostLimiter limiter;

  public FeedFetcher(Options options, ProxySelector proxy) {
    this.options = options;
    this.limiter = new HostLimiter(options.maxPerHost());
    this.http = HttpClient.newBuilder()
        .connectTimeout(options.timeout())
        // Redirects are followed here, one by one, so that each hop is counted, checked for loops and
        // goes through the per-host limit.
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .proxy(proxy)
        .build();
  }

  /** Fetches {@code url}, sending {@code validators}; never completes exceptionally: failures are {@link FetchResult.Failed}. */
  public CompletableFuture<FetchResult> fetch(URI url, Validators validators) {
    return fetch(url, validators, options.maxBytes());
  }

  /** Like {@link #fetch(URI, Validators)} with another size cap (full-text pages have their own). */
  public CompletableFuture<FetchResult> fetch(URI url, Validators validators, long maxBytes) {
    if ("file".equalsIgnoreCase(url.getScheme())) {
      return CompletableFuture.completedFuture(readFile(url, validators, maxBytes));
    }
    return hop(url, validators, maxBytes, new HashSet<>()).exceptionally(error -> {
      Throwable cause = unwrap(error);
      if (cause instanceof HostPaused paused) {
        return new FetchResult.Failed(paused.getMessage(), paused.left);
      }
      boolean deadline = cause instanceof TimeoutException
          || cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
      return new FetchResult.Failed(deadline ? "no complete response within " + options.timeout().toSeconds() + " s" : reason(cause));
    });
  }

  private CompletableFuture<FetchResult> hop(URI url, Validators validators, long maxBytes, Set<URI> visited) {
    if (!visited.add(url)) {
      return CompletableFuture.completedFuture(new FetchResult.Failed("redirect loop at " + url));
    }
    if (visited.size() > options.maxRedirects() + 1) {
      return CompletableFuture.completedFuture(new FetchResult.Failed("too many redirects (more than " + options.maxRedirects() + ")"));
    }
    HttpRequest request = request(url, validators);
    AtomicReference<CappedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> exchange = limiter.submit(url.getHost(), () -> {
      // Checked when the request's turn comes: those that queued before a 429 must not go out either.
      Instant now = Instant.now();
      Instant paused = limiter.pausedUntil(url.getHost(), now);
      if (paused != null) {
        return CompletableFuture.failedFuture(new HostPaused(url.getHost(), Duration.between(now, paused)));
      }
      CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, info -> {
        pauseIfAsked(url.getHost(), info);
        CappedBody subscriber = subscriberFor(info, maxBytes);
        body.set(subscriber);
        return subscriber;
      });
      // The request timeout only covers the wait for headers; this deadline covers the body too.
      return sent.orTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, error) -> {
        if (unwrap(error) instanceof TimeoutException && body.get() != null) {
          body.get().abort(new HttpTimeoutException("no complete response within " + options.timeout().toSeconds() + " s"));
        }
      });
    });
    return exchange.thenCompose(response -> {
      int status = response.statusCode();
      if (isRedirect(status)) {
        return response.headers().firstValue("Location")
            .map(location -> redirect(url, location, validators, maxBytes, visited))
            .orElse(CompletableFuture.completedFuture(new FetchResult.Failed("HTTP " + status + " without a Location")));
      }
      return CompletableFuture.completedFuture(result(response, url, maxBytes));
    });
  }

  private CompletableFuture<FetchResult> redirect(URI from, String location, Validators validators, long maxBytes, Set<URI> visited) {
    URI next;
    try {
      next = from.resolve(location.trim());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new FetchResult.Failed("redirect to an invalid URL: " + location));
    }
    if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
      return CompletableFuture.completedFuture(new FetchResult.Failed("redirect to a non-HTTP URL: " + next));
    }
    return hop(next, validators, maxBytes, visited);
  }

  private HttpRequest request(URI url, Validators validators) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(options.timeout())
        .header("User-Agent", options.userAgent())
        .header("Accept", ACCEPT)
        .header("Accept-Encoding", "gzip");
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    return request.GET().build();
  }

  /** On a 429/503 with Retry-After the host's other feeds wait too; set with the headers, before the next request's turn. */
  private void pauseIfAsked(String host, HttpResponse.ResponseInfo info) {
    if (info.statusCode() == 429 || info.statusCode() == 503) {
      Instant now = Instant.now();
      Duration wait = Backoff.retryAfter(info.headers().firstValue("Retry-After").orElse(null), now);
      if (wait != null && !wait.isZero()) {
        limiter.pause(host, now.plus(wait));
      }
    }
  }

  private static CappedBody subscriberFor(HttpResponse.ResponseInfo info, long maxBytes) {
    if (info.statusCode() != 200) {
      return CappedBody.skipping();
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      return CappedBody.refusing(new CappedBody.BodyTooLargeException(maxBytes));
    }
    return new CappedBody(maxBytes);
  }

  private FetchResult result(HttpResponse<byte[]> response, URI url, long maxBytes) {
    int status = response.statusCode();
    if (status == 304) {
      return new FetchResult.NotModified();
    }
    if (status == 429 || status == 503) {
      Duration retryAfter = Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
      return new FetchResult.Failed("HTTP " + status + " " + reasonPhrase(status)
          + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"), retryAfter);
    }
    if (status != 200) {
      return new FetchResult.Failed("HTTP " + status + " " + reasonPhrase(status));
    }
    byte[] body = response.body();
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
    try {
      if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
        body = gunzip(body, maxBytes);
      } else if (!encoding.equals("identity") && !encoding.isEmpty()) {
        return new FetchResult.Failed("unsupported Content-Encoding '" + encoding + "'");
      }
    } catch (IOException e) {
      return new FetchResult.Failed(reason(e));
    }
    return new FetchResult.Fetched(body, response.headers().firstValue("Content-Type").orElse(null),
        response.headers().firstValue("ETag").orElse(null), response.headers().firstValue("Last-Modified").orElse(null),
        response.uri());
  }

  /** Decompresses with the same cap as the wire: a gzip bomb stops at the cap too. */
  static byte[] gunzip(byte[] compressed, long maxBytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return readCapped(in, maxBytes);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IOException("broken gzip body: " + e.getMessage(), e);
    }
  }

  private static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
      total += n;
      if (total > maxBytes) {
        throw new CappedBody.BodyTooLargeException(maxBytes);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static FetchResult readFile(URI url, Validators validators, long maxBytes) {
    try {
      Path file = Path.of(url);
      String modified = DateTimeFormatter.RFC_1123_DATE_TIME.format(Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC));
      if (modified.equals(validators.lastModified())) {
        return new FetchResult.NotModified();
      }
      if (Files.size(file) > maxBytes) {
        return new FetchResult.Failed(new CappedBody.BodyTooLargeException(maxBytes).getMessage());
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new FetchResult.Fetched(readCapped(in, maxBytes), null, null, modified, url);
      }
    } catch (NoSuchFileException e) {
      return new FetchResult.Failed("no such file: " + e.getFile());
    } catch (IOException | IllegalArgumentException e) {
      return new FetchResult.Failed(reason(e));
    }
  }

  /** The host's Retry-After is still running: the request was not sent. */
  private static final class HostPaused extends Exception {
    private final Duration left;

    HostPaused(String host, Duration left) {
      super("host " + host + " asked for a pause (Retry-After): nothing is sent to it for another "
          + Math.max(1, left.toSeconds()) + " s", null, false, false);
      this.left = left;
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** One line that says what went wrong, without class names where a plain word will do. */
  static String reason(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
      return "timed out";
    }
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.nio.channels.UnresolvedAddressException || e instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS error: " + oneLine(e.getMessage());
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : oneLine(message);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
