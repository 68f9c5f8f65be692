package io.eurus.alerts.routing;

import io.eurus.alerts.channel.Channel;
import java.time.Duration;

/**
 * A channel with how Eurus delivers to it: retries, the cool-down per alert key, what it holds back, and how
 * many alerts it works on at once.
 */
public record ChannelPlan(Channel channel, Retry retry, Duration cooldown, Hold hold, int concurrency) {

  public String name() {
    return channel.name();
  }
}
