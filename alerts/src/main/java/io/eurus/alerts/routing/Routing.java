package io.eurus.alerts.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.alerts.channel.Channel;
import io.eurus.alerts.channel.Channels;
import io.eurus.alerts.channel.HttpPoster;
import io.eurus.alerts.channel.WebhookChannel;
import io.eurus.alerts.config.Options;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which alerts go to which channels, read from the routing file (YAML) and checked whole at start-up:
 * every problem is reported at once, each naming where it is. The dashboard is not routed: the desk sees
 * every alert there.
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

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new StartupException("routing file " + file + " does not exist (alerts.routing.file)");
    } catch (IOException e) {
      throw new StartupException("routing file " + file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    List<String> problems = new ArrayList<>();
    Routing routing = read(root == null ? YAML.createObjectNode() : root, env, defaults, problems);
    if (!problems.isEmpty()) {
      throw new StartupException("routing file " + file + " has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:")
          + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", problems));
    }
    return routing;
  }

  static Routing read(JsonNode root, Map<String, String> env, Defaults defaults, List<String> problems) {
    Options top = new Options("routing", root, env, problems);
    top.allowOnly(Set.of("channels", "routes"));
    Map<String, ChannelPlan> channels = new LinkedHashMap<>();
    JsonNode channelNodes = root.path("channels");
    if (!channelNodes.isObject() || channelNodes.isEmpty()) {
      problems.add("channels: at least one channel is required, each a block with a type");
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = channelNodes.fields(); it.hasNext(); ) {
        var entry = it.next();
        ChannelPlan plan = channel(entry.getKey(), new Options("channels." + entry.getKey(), entry.getValue(), env, problems),
            entry.getValue().isObject(), defaults);
        if (plan != null) {
          channels.put(entry.getKey(), plan);
        }
      }
    }
    List<Route> routes = new ArrayList<>();
    Set<String> routed = new HashSet<>();
    JsonNode routeNodes = root.path("routes");
    if (!routeNodes.isArray() || routeNodes.isEmpty()) {
      problems.add("routes: at least one route is required, such as {types: [RULE_MATCH], to: [my-channel]}");
    } else {
      for (int i = 0; i < routeNodes.size(); i++) {
        Options options = new Options("routes[" + i + "]", routeNodes.get(i), env, problems);
        options.allowOnly(Set.of("types", "severities", "minSeverity", "to"));
        List<String> to = options.texts("to");
        if (to.isEmpty()) {
          options.problem("to", "is required: the channels this route sends to");
        }
        for (String name : to) {
          if (!channelNodes.has(name)) {
            options.problem("to", "no channel is named '" + name + "'");
          }
        }
        routed.addAll(to);
        routes.add(new Route(Set.copyOf(options.enums("types", AlertType.class)), Set.copyOf(options.enums("severities", Severity.class)),
            options.severity("minSeverity", null), to));
      }
    }
    for (Iterator<String> names = channelNodes.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!routed.contains(name) && routeNodes.isArray() && !routeNodes.isEmpty()) {
        problems.add("channels." + name + ": no route sends to it");
      }
    }
    return new Routing(List.copyOf(channels.values()), routes);
  }

  private static ChannelPlan channel(String name, Options options, boolean isBlock, Defaults defaults) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,62}")) {
      options.problem(null, "a channel name is letters, digits, - and _ (it names Kafka consumer groups)");
    }
    if (!isBlock) {
      options.problem(null, "must be a block of options with a type");
      return null;
    }
    String type = options.requiredText("type");
    Retry retry = ChannelOptions.retry(options, defaults.retry());
    Duration cooldown = options.duration("cooldown", defaults.cooldown());
    int concurrency = options.integer("concurrency", defaults.concurrency(), 1, 64);
    QuietHours quiet = ChannelOptions.quietHours(options);
    if (type == null) {
      return null;
    }
    Channel channel = Channels.create(name, type, options, ChannelOptions.COMMON);
    if (channel == null) {
      return null;
    }
    Hold hold = new Hold(quiet, channel.digestSchedule() == null ? null : channel::digests, channel.digestSchedule());
    return new ChannelPlan(channel, retry, cooldown, hold, concurrency);
  }
}
