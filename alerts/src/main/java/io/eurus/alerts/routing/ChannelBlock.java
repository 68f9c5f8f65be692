package io.eurus.alerts.routing;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.eurus.alerts.channel.Channel;
import io.eurus.alerts.channel.DigestSchedule;
import io.eurus.alerts.channel.EmailChannel;
import io.eurus.alerts.channel.HttpPoster;
import io.eurus.alerts.channel.SlackChannel;
import io.eurus.alerts.channel.TeamsChannel;
import io.eurus.alerts.channel.WebhookChannel;
import io.eurus.events.Severity;
import io.eurus.platform.config.Durations;
import io.eurus.platform.config.Problems;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A channel of the routing file as written: its {@code type} picks the record that reads the rest, the channel's own
 * options (see each channel class) and the ones every channel has, which say how Eurus delivers to it rather than
 * what it is:
 *
 * <pre>
 *   retry: {budget: 24h, initialBackoff: 200ms, maxBackoff: 30s}
 *   concurrency: 4          # alerts in delivery at once (one at a time per alert key)
 *   cooldown: 15m           # updates of the same alert at most this often (a higher severity goes at once)
 *   quietHours: {from: "22:00", to: "07:00", zone: Europe/Brussels, bypass: CRITICAL}
 * </pre>
 *
 * Unset options are null here; the defaults are applied in {@link #plan}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChannelBlock.Webhook.class, name = WebhookChannel.TYPE),
    @JsonSubTypes.Type(value = ChannelBlock.Chat.class, names = {SlackChannel.TYPE, TeamsChannel.TYPE}),
    @JsonSubTypes.Type(value = ChannelBlock.Email.class, name = EmailChannel.TYPE)})
@JsonClassDescription("channel")
sealed interface ChannelBlock {

  RetryKeys retry();

  Duration cooldown();

  QuietHoursKeys quietHours();

  Integer concurrency();

  /** The channel its own options make, or null when they have problems (added at {@code at}). */
  Channel channel(String name, Map<String, String> env, Problems at);

  /** The channel with how Eurus delivers to it; null when its block has problems (added at {@code at}). */
  default ChannelPlan plan(String name, Map<String, String> env, Routing.Defaults defaults, Problems at) {
    Retry retrying = retry() == null ? defaults.retry() : retry().read(defaults.retry(), at.at("retry"));
    at.range("concurrency", concurrency(), 1, 64);
    QuietHours quiet = quietHours() == null ? null : quietHours().read(at.at("quietHours"));
    Channel channel = channel(name, env, at);
    if (channel == null) {
      return null;
    }
    Hold hold = new Hold(quiet, channel.digestSchedule() == null ? null : channel::digests, channel.digestSchedule());
    return new ChannelPlan(channel, retrying, Objects.requireNonNullElse(cooldown(), defaults.cooldown()), hold,
        Objects.requireNonNullElse(concurrency(), defaults.concurrency()));
  }

  /** The checked {@code url} secret of a channel; null when it has a problem (added at {@code at}). */
  private static String checkedUrl(Secret url, Map<String, String> env, Problems at) {
    String value = Secret.read(url, true, env, at);
    String problem = value == null ? null : HttpPoster.problemWith(value);
    if (problem != null) {
      at.add(problem); // never the URL itself: it is the credential
      return null;
    }
    return value;
  }

  /** How a channel retries; what it leaves out is the settings' (alerts.retry.*). */
  record RetryKeys(Duration budget, Duration initialBackoff, Duration maxBackoff, Object maxAttempts) {

    Retry read(Retry defaults, Problems at) {
      if (maxAttempts != null) {
        at.add("maxAttempts", "is no longer used: a channel retries for a time, retry.budget (such as 24h), not a number of attempts");
      }
      Duration initial = Objects.requireNonNullElse(initialBackoff, defaults.initial());
      Duration max = Objects.requireNonNullElse(maxBackoff, defaults.max());
      if (initial.toMillis() < 1) {
        at.add("initialBackoff", "must be at least 1ms");
      } else if (max.compareTo(initial) < 0) {
        at.add("maxBackoff", "must not be shorter than initialBackoff");
      }
      return new Retry(initial, max, Objects.requireNonNullElse(budget, defaults.budget()));
    }
  }

  /** Quiet hours as written; see {@link QuietHours}. */
  record QuietHoursKeys(LocalTime from, LocalTime to, ZoneId zone, Severity bypass) {

    QuietHours read(Problems at) {
      if (from == null || to == null) {
        at.add("needs both from and to, such as {from: \"22:00\", to: \"07:00\"}");
        return null;
      }
      if (from.equals(to)) {
        at.add("from and to are the same time");
        return null;
      }
      return new QuietHours(from, to, Objects.requireNonNullElse(zone, ZoneId.of("UTC")),
          Objects.requireNonNullElse(bypass, Severity.CRITICAL));
    }
  }

  /** See {@link WebhookChannel}. */
  record Webhook(String type, Secret url, Secret secret, RetryKeys retry, Duration cooldown, QuietHoursKeys quietHours,
      Integer concurrency) implements ChannelBlock {

    @Override
    public Channel channel(String name, Map<String, String> env, Problems at) {
      String checked = checkedUrl(url, env, at.at("url"));
      String signing = Secret.read(secret, false, env, at.at("secret"));
      return at.isEmpty() ? new WebhookChannel(name, checked, signing) : null;
    }
  }

  /** A chat's incoming webhook: see {@link SlackChannel} and {@link TeamsChannel}. */
  record Chat(String type, Secret url, RetryKeys retry, Duration cooldown, QuietHoursKeys quietHours, Integer concurrency)
      implements ChannelBlock {

    @Override
    public Channel channel(String name, Map<String, String> env, Problems at) {
      String checked = checkedUrl(url, env, at.at("url"));
      if (!at.isEmpty()) {
        return null;
      }
      return SlackChannel.TYPE.equals(type) ? new SlackChannel(name, checked) : new TeamsChannel(name, checked);
    }
  }

  /** See {@link EmailChannel}; a single address for {@code to} counts as a list of one. */
  record Email(String type, SmtpKeys smtp, String from,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to, Severity urgent, String digest, LocalTime digestAt, ZoneId zone, RetryKeys retry, Duration cooldown,
      QuietHoursKeys quietHours, Integer concurrency) implements ChannelBlock {

    @Override
    public Channel channel(String name, Map<String, String> env, Problems at) {
      if (smtp == null) {
        at.add("smtp", "is required: {host: …, port: 587, username: …, password: {env: NAME}}");
      }
      EmailChannel.Smtp server = smtp == null ? null : smtp.read(env, at.at("smtp"));
      InternetAddress sender = address(from, at.at("from"));
      List<InternetAddress> recipients = to == null ? List.of() : to.stream().map(text -> address(text, at.at("to"))).toList();
      if (recipients.isEmpty()) {
        at.add("to", "is required: at least one address");
      }
      DigestSchedule schedule = schedule(at.at("digest"));
      return at.isEmpty() ? new EmailChannel(name, server, sender, recipients, Objects.requireNonNullElse(urgent, Severity.HIGH),
          schedule) : null;
    }

    private DigestSchedule schedule(Problems at) {
      String every = digest == null ? "hourly" : digest.strip().toLowerCase(Locale.ROOT);
      if (every.equals("hourly")) {
        return DigestSchedule.every(Duration.ofHours(1));
      }
      if (every.equals("daily")) {
        return DigestSchedule.daily(Objects.requireNonNullElse(digestAt, LocalTime.of(8, 0)),
            Objects.requireNonNullElse(zone, ZoneId.of("UTC")));
      }
      Duration period = Durations.parse(every);
      if (period == null || period.toMillis() < 1000) {
        at.add("must be hourly, daily or a period of at least PT1S, such as 30m");
        return null;
      }
      return DigestSchedule.every(period);
    }

    private static InternetAddress address(String text, Problems at) {
      if (text == null || text.isBlank()) {
        at.add("is required");
        return null;
      }
      InternetAddress address = EmailChannel.address(text);
      if (address == null) {
        at.add("'" + text + "' is not an email address");
      }
      return address;
    }
  }

  /** Where and how an email channel sends; a password only with a username. */
  record SmtpKeys(String host, Integer port, EmailChannel.Tls tls, String username, Secret password, Duration timeout) {

    EmailChannel.Smtp read(Map<String, String> env, Problems at) {
      at.check(host != null && !host.isBlank(), "host", "is required");
      at.range("port", port, 1, 65535);
      String secret = username == null ? null : Secret.read(password, true, env, at.at("password"));
      return new EmailChannel.Smtp(host, Objects.requireNonNullElse(port, 587), Objects.requireNonNullElse(tls, EmailChannel.Tls.STARTTLS),
          username, secret, Objects.requireNonNullElse(timeout, Duration.ofSeconds(20)));
    }
  }
}
