package io.eurus.alerts.channel;

import io.eurus.alerts.config.Options;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** The one place that knows which class reads which channel {@code type} of the routing file, and builds it. */
public final class Channels {

  private record Kind(Set<String> options, BiFunction<String, Options, Channel> from) {
  }

  private static final Map<String, Kind> KINDS = Map.of(
      WebhookChannel.TYPE, new Kind(WebhookChannel.OPTIONS, WebhookChannel::from),
      SlackChannel.TYPE, new Kind(ChatWebhookChannel.OPTIONS, SlackChannel::from),
      TeamsChannel.TYPE, new Kind(ChatWebhookChannel.OPTIONS, TeamsChannel::from),
      EmailChannel.TYPE, new Kind(EmailChannel.OPTIONS, EmailChannel::from));

  private Channels() {
  }

  /**
   * The channel of {@code type} from its options; null when they have problems (recorded in {@code options}).
   *
   * @param common the options every channel block may also hold (retries, quiet hours…), read by the caller
   */
  public static Channel create(String name, String type, Options options, Set<String> common) {
    Kind kind = KINDS.get(type);
    if (kind == null) {
      options.problem("type", "'" + type + "' is not a channel type (one of " + String.join(", ", KINDS.keySet().stream().sorted().toList()) + ")");
      return null;
    }
    Set<String> known = new HashSet<>(kind.options());
    known.addAll(common);
    options.allowOnly(known);
    return kind.from().apply(name, options);
  }
}
