package io.eurus.alerts.routing;

import io.eurus.alerts.channel.Channel;
import io.eurus.alerts.channel.EmailChannel;
import io.eurus.alerts.channel.SlackChannel;
import io.eurus.alerts.channel.TeamsChannel;
import io.eurus.alerts.channel.WebhookChannel;
import io.eurus.events.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * The options every channel has besides its own: {@code type}, {@code retry}, {@code cooldown} and
 * {@code quietHours}; and the one place that knows which class reads which {@code type}.
 *
 * <pre>
 *   retry: {budget: PT24H, initialBackoff: PT0.2S, maxBackoff: PT30S}
 *   concurrency: 4          # alerts in delivery at once (one at a time per alert key)
 *   cooldown: PT15M          # updates of the same alert at most this often (a higher severity goes at once)
 *   quietHours: {from: "22:00", to: "07:00", zone: Europe/Brussels, bypass: CRITICAL}
 * </pre>
 */
public final class ChannelOptions {

  static final Set<String> COMMON = Set.of("type", "retry", "cooldown", "quietHours", "concurrency");
  static final Set<String> TYPES = Set.of(WebhookChannel.TYPE, SlackChannel.TYPE, TeamsChannel.TYPE, EmailChannel.TYPE);

  private ChannelOptions() {
  }

  public static Set<String> withCommon(Set<String> own) {
    Set<String> all = new HashSet<>(own);
    all.addAll(COMMON);
    return all;
  }

  /** The channel of {@code type}, built from its own options; null when they have problems. */
  static Channel channel(String name, String type, Options options) {
    return switch (type) {
      case WebhookChannel.TYPE -> WebhookChannel.from(name, options);
      case SlackChannel.TYPE -> SlackChannel.from(name, options);
      case TeamsChannel.TYPE -> TeamsChannel.from(name, options);
      case EmailChannel.TYPE -> EmailChannel.from(name, options);
      default -> {
        options.problem("type", "'" + type + "' is not a channel type (one of " + String.join(", ", TYPES.stream().sorted().toList()) + ")");
        yield null;
      }
    };
  }

  static Retry retry(Options options, Retry defaults) {
    Options retry = options.child("retry");
    if (retry.has("maxAttempts")) {
      retry.problem("maxAttempts", "is no longer used: a channel retries for a time, retry.budget (such as PT24H), not a number of attempts");
    }
    retry.allowOnly(Set.of("maxAttempts", "initialBackoff", "maxBackoff", "budget"));
    Duration initial = retry.duration("initialBackoff", defaults.initial());
    Duration max = retry.duration("maxBackoff", defaults.max());
    if (initial.toMillis() < 1) {
      retry.problem("initialBackoff", "must be at least PT0.001S");
      initial = defaults.initial();
    }
    if (max.compareTo(initial) < 0) {
      retry.problem("maxBackoff", "must not be shorter than initialBackoff");
    }
    return new Retry(initial, max, retry.duration("budget", defaults.budget()));
  }

  static QuietHours quietHours(Options options) {
    if (!options.has("quietHours")) {
      return null;
    }
    Options quiet = options.child("quietHours");
    quiet.allowOnly(Set.of("from", "to", "zone", "bypass"));
    LocalTime from = quiet.time("from", null);
    LocalTime to = quiet.time("to", null);
    if (from == null || to == null) {
      quiet.problem(null, "needs both from and to, such as {from: \"22:00\", to: \"07:00\"}");
      return null;
    }
    if (from.equals(to)) {
      quiet.problem(null, "from and to are the same time");
      return null;
    }
    ZoneId zone = quiet.zone("zone", ZoneId.of("UTC"));
    Severity bypass = quiet.severity("bypass", Severity.CRITICAL);
    return new QuietHours(from, to, zone, bypass);
  }
}
