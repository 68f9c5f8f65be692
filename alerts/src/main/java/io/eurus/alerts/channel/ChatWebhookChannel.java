package io.eurus.alerts.channel;

import io.eurus.events.Alert;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * A chat's incoming webhook (Slack, Teams): one JSON message per alert, made by the chat's own class, to a
 * URL that is itself the credential. The chat's class only decides what the message looks like.
 */
abstract class ChatWebhookChannel implements Channel {

  private final String name;
  private final HttpPoster poster;
  private final Function<Alert, Object> message;

  ChatWebhookChannel(String name, String url, Function<Alert, Object> message) {
    this.name = name;
    this.poster = new HttpPoster(URI.create(url));
    this.message = message;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(Alert alert) throws DeliveryException {
    poster.postJson(message.apply(alert), Map.of("Idempotency-Key", alert.id()));
  }
}
