package io.eurus.alerts.channel;

import io.eurus.events.Json;
import io.eurus.platform.retry.Backoff;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** POSTs a body to one URL and turns anything but a 2xx into a {@link DeliveryException} with a safe reason. */
public final class HttpPoster {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI url;
  private final HttpClient http;

  HttpPoster(URI url) {
    this.url = url;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * What an answer other than 2xx means for the retries: a client error other than 408 (timeout) and 429 (too
   * many requests) is the same on every attempt (a wrong URL, a revoked webhook, a payload refused), so it is
   * permanent; a 429 or 503 may say when to come back (Retry-After); anything else is retried with the backoff.
   */
  static DeliveryException failure(int status, String retryAfterHeader, Instant now) {
    String reason = "HTTP " + status;
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      return DeliveryException.permanent(reason);
    }
    Duration retryAfter = status == 429 || status == 503 ? Backoff.retryAfter(retryAfterHeader, now) : null;
    return DeliveryException.retryAfter(retryAfter == null ? reason : reason + " (Retry-After " + retryAfter.toSeconds() + " s)", retryAfter);
  }

  /** Checks a URL from the routing file; returns the reason it is unusable, or null. Never echoes the URL. */
  public static String problemWith(String url) {
    try {
      URI uri = URI.create(url);
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
        return "must be an http or https URL";
      }
      if (uri.getHost() == null) {
        return "has no host";
      }
      return null;
    } catch (IllegalArgumentException e) {
      return "is not a valid URL";
    }
  }

  /** POSTs {@code message} as JSON. */
  void postJson(Object message, Map<String, String> headers) throws DeliveryException {
    try {
      post(Json.mapper().writeValueAsBytes(message), headers);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a message as JSON", e);
    }
  }

  void post(byte[] body, Map<String, String> headers) throws DeliveryException {
    String contentType = "application/json";
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw failure(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), Instant.now());
      }
    } catch (IOException e) {
      // The JDK's messages may quote the URL; keep the exception type and nothing that could hold a secret.
      throw new DeliveryException(e.getClass().getSimpleName() + (e instanceof java.net.http.HttpTimeoutException ? "" : " (no answer)"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted");
    }
  }
}
