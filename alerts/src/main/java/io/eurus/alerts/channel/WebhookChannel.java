package io.eurus.alerts.channel;

import io.eurus.events.Alert;
import io.eurus.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts each alert as JSON to one URL, with the alert's id as {@code Idempotency-Key} so a receiver can
 * drop the repeats that at-least-once delivery may cause.
 */
public final class WebhookChannel {

  private final String name;
  private final URI url;
  private final HttpClient http;

  public WebhookChannel(String name, String url) {
    this.name = name;
    this.url = URI.create(url);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String name() {
    return name;
  }

  /** Delivers one alert; throws with a one-line reason when the receiver did not take it. */
  public void deliver(Alert alert) throws DeliveryException {
    try {
      HttpRequest request = HttpRequest.newBuilder(url)
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", alert.id())
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(alert)))
          .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryException("HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new DeliveryException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted");
    }
  }

  /** A delivery that did not succeed, with a one-line reason (never the URL: it may hold a secret). */
  public static final class DeliveryException extends Exception {
    public DeliveryException(String reason) {
      super(reason);
    }
  }
}
