package io.eurus.alerts.desk;

import io.eurus.events.Alert;
import io.eurus.events.Mute;
import io.eurus.events.RuleRef;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.EventProducer;
import java.time.Clock;
import java.time.Duration;

/**
 * The desk mutes a story or a rule for a while, or lifts a mute: written to the compacted {@code alerts.mutes} and
 * shown once the broker has it, so it survives restarts and holds for every instance and channel.
 */
public final class Muting {

  /** The longest a mute may last: a mute forgotten is a desk that stops hearing about a subject. */
  public static final Duration LONGEST = Duration.ofDays(7);

  private final Desk desk;
  private final EventProducer producer;
  private final Clock clock;

  public Muting(Desk desk, EventProducer producer, Clock clock) {
    this.desk = desk;
    this.producer = producer;
    this.clock = clock;
  }

  /**
   * Mutes the story of the alert {@code alertKey}, or the rule {@code ruleId} (one of the two), for {@code length}.
   *
   * @throws DeskRefusal when the alert or rule is unknown, the length out of range, or Kafka did not store it
   */
  public Mute mute(Mute.Kind kind, String target, Duration length, String by) throws DeskRefusal {
    if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0) {
      throw new DeskRefusal(DeskRefusal.Reason.INVALID, "a mute lasts more than nothing and at most 7d (was " + length + ")");
    }
    String label = label(kind, target);
    Mute mute = new Mute(Mute.SCHEMA_VERSION, kind, target, label, clock.instant().plus(length), by, clock.instant());
    Stored.await(producer.send(Topics.ALERTS_MUTES, mute.key(), mute), "the mute");
    desk.mute(mute);
    return mute;
  }

  /** Lifts the mute {@code key} ({@code story:ID} or {@code rule:ID}); nothing happens for one not in force. */
  public void unmute(String key) throws DeskRefusal {
    Stored.await(producer.send(Topics.ALERTS_MUTES, key, null), "the lifted mute");
    desk.unmute(key);
  }

  /** What the desk is shown for the muted story or rule: its title or name, from an alert that names it. */
  private String label(Mute.Kind kind, String target) throws DeskRefusal {
    for (Alert alert : desk.alertsNewestFirst()) {
      if (kind == Mute.Kind.STORY && target.equals(alert.storyId())) {
        return alert.evidence() != null && !alert.evidence().stories().isEmpty()
            ? alert.evidence().stories().get(0).title() : alert.title();
      }
      if (kind == Mute.Kind.RULE) {
        for (RuleRef rule : alert.rules()) {
          if (target.equals(rule.id())) {
            return rule.name();
          }
        }
      }
    }
    throw new DeskRefusal(DeskRefusal.Reason.INVALID, "no recent alert is about the "
        + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + target);
  }
}
