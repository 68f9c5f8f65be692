package io.eurus.alerts.routing;

import io.eurus.alerts.channel.HttpPoster;
import io.eurus.alerts.channel.WebhookChannel;
import io.eurus.events.Alert;
import io.eurus.platform.StartupException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which alerts go to which channels, read from the routing file (YAML, {@link RoutingFile}) and checked whole at
 * start-up: every problem is reported at once, each naming where it is. The dashboard is not routed: the desk
 * sees every alert there.
 *
 * <pre>
 * channels:
 *   desk-slack: {type: slack, url: {env: SLACK_WEBHOOK_URL}, quietHours: {from: "22:00", to: "07:00", zone: Europe/Brussels}}
 *   desk-mail:  {type: email, smtp: {host: smtp.example.org, username: eurus, password: {env: SMTP_PASSWORD}},
 *                from: eurus@example.org, to: [desk@example.org], urgent: HIGH, digest: hourly}
 * routes:
 *   - {types: [TONE_SHIFT, TONE_DIVERGENCE, VOLUME_SPIKE], minSeverity: MEDIUM, to: [desk-slack, desk-mail]}
 *   - {types: [FEED_SILENT, FEED_FAILING], to: [desk-mail]}
 * </pre>
 */
public final class Routing {

  /** What a channel that does not say otherwise gets, from the service's settings. */
  public record Defaults(Retry retry, Duration cooldown, int concurrency) {
  }

  private final List<ChannelPlan> channels;
  private final List<Route> routes;

  public Routing(List<ChannelPlan> channels, List<Route> routes) {
    this.channels = List.copyOf(channels);
    this.routes = List.copyOf(routes);
  }

  public List<ChannelPlan> channels() {
    return channels;
  }

  /** Whether {@code alert} goes to the channel named {@code channel}. */
  public boolean routes(Alert alert, String channel) {
    for (Route route : routes) {
      if (route.to().contains(channel) && route.matches(alert)) {
        return true;
      }
    }
    return false;
  }

  /** Without a routing file: every alert to the one webhook of the settings, if there is one. */
  public static Routing webhookOnly(String url, String secret, Defaults defaults) {
    if (url == null || url.isBlank()) {
      return new Routing(List.of(), List.of());
    }
    String problem = HttpPoster.problemWith(url);
    if (problem != null) {
      throw new StartupException("alerts.webhook.url (EURUS_ALERTS_WEBHOOK_URL) " + problem);
    }
    ChannelPlan plan = new ChannelPlan(new WebhookChannel("webhook", url, secret), defaults.retry(), defaults.cooldown(), Hold.NONE,
        defaults.concurrency());
    return new Routing(List.of(plan), List.of(new Route(Set.of(), Set.of(), null, List.of("webhook"))));
  }

  /** Reads and checks a routing file; throws a {@link StartupException} listing every problem. */
  public static Routing load(Path file, Map<String, String> env, Defaults defaults) {
    return RoutingFile.FILE.making((read, problems) -> read.routing(env, defaults, problems)).read(file);
  }
}
