package io.eurus.alerts.routing;

import io.eurus.alerts.channel.Channel;
import java.time.Duration;

/** A channel with how Eurus delivers to it: retries, the cool-down per alert key, and what it holds back. */
public record ChannelPlan(Channel channel, Retry retry, Duration cooldown, Hold hold) {

  public String name() {
    return channel.name();
  }
}
