package io.eurus.alerts.routing;

import io.eurus.alerts.config.Options;
import io.eurus.events.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The options every channel has besides its own, which say how Eurus delivers to it rather than what it is:
 * {@code type}, {@code retry}, {@code cooldown}, {@code quietHours} and {@code concurrency}. The channel's own
 * options are its class's (see {@link io.eurus.alerts.channel.Channels}).
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
  private ChannelOptions() {
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
