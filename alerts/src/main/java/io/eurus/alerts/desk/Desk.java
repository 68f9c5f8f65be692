package io.eurus.alerts.desk;

import io.eurus.events.Alert;
import io.eurus.events.AlertAck;
import io.eurus.events.AlertType;
import io.eurus.events.FeedStatus;
import io.eurus.events.Mute;
import io.eurus.events.Severity;
import io.eurus.events.ToneWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the desk dashboard shows, rebuilt from Kafka on every start: recent alerts (latest revision per key),
 * their acknowledgements, the tone windows and the feeds' health. Watchers get every change in order,
 * after a snapshot taken atomically with their subscription, so a live page misses nothing.
 */
public final class Desk {

  /**
   * One change, as sent to the page: {@code alert}, {@code ack}, {@code feed}, {@code feed-removed} (data: the id),
   * {@code tone}, {@code mute} or {@code unmute} (data: the mute's key).
   */
  public record Change(String kind, Object data) {
  }

  /** The filters of the alert list; null means any. */
  public record Filter(AlertType type, Severity minSeverity, String bloc) {
    public static final Filter ANY = new Filter(null, null, null);

    boolean matches(Alert alert) {
      return (type == null || alert.type() == type)
          && (minSeverity == null || alert.severity().compareTo(minSeverity) >= 0)
          && (bloc == null || bloc.equals(alert.bloc()));
    }
  }

  private static final int MAX_ACKS = 20_000;

  private final RecentAlerts alerts;
  private final Map<String, AlertAck> acks = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, AlertAck> eldest) {
      return size() > MAX_ACKS;
    }
  };
  private final TreeMap<String, ToneWindow> tone = new TreeMap<>();
  private final Map<String, FeedStatus> feeds = new TreeMap<>();
  private final Duration history;
  private final Mutes mutes;
  private final Clock clock;
  private final List<Consumer<Change>> watchers = new CopyOnWriteArrayList<>();

  public Desk(int capacity, Duration history) {
    this(capacity, history, new Mutes(), Clock.systemUTC());
  }

  /** @param mutes the mutes in force, shared with the delivery lanes */
  public Desk(int capacity, Duration history, Mutes mutes, Clock clock) {
    this.alerts = new RecentAlerts(capacity);
    this.history = history;
    this.mutes = mutes;
    this.clock = clock;
  }

  public synchronized void alert(Alert alert) {
    if (alerts.add(alert)) {
      publish(new Change("alert", deskAlert(alert)));
    }
  }

  /** A story or rule muted (or muted again, for another while). */
  public synchronized void mute(Mute mute) {
    mutes.put(mute);
    publish(new Change("mute", mute));
  }

  /** A mute lifted before its time: its key. */
  public synchronized void unmute(String key) {
    mutes.remove(key);
    publish(new Change("unmute", key));
  }

  /** The mutes in force now. */
  public List<Mute> mutes() {
    return mutes.active(clock.instant());
  }

  public synchronized void ack(AlertAck ack) {
    AlertAck known = acks.get(ack.key());
    if (known != null && known.revision() >= ack.revision() && !ack.at().isAfter(known.at())) {
      return; // already shown
    }
    acks.put(ack.key(), ack);
    publish(new Change("ack", ack));
  }

  public synchronized void tone(ToneWindow window, Instant now) {
    tone.put(ToneWindow.keyOf(window.series(), window.windowStart()), window);
    Instant oldest = now.minus(history);
    tone.values().removeIf(w -> w.windowEnd() != null && w.windowEnd().isBefore(oldest));
    publish(new Change("tone", window));
  }

  public synchronized void feed(FeedStatus status) {
    feeds.put(status.feedId(), status);
    publish(new Change("feed", status));
  }

  /** A feed that left ingest's list (its {@code feed-status} tombstone): no longer shown. */
  public synchronized void feedRemoved(String feedId) {
    if (feeds.remove(feedId) != null) {
      publish(new Change("feed-removed", feedId));
    }
  }

  public synchronized List<DeskAlert> alerts(Filter filter, int limit) {
    return alerts.newestFirst().stream().filter(filter::matches).limit(limit).map(this::deskAlert).toList();
  }

  /** The recent alerts, latest revision of each, newest first. */
  synchronized List<Alert> alertsNewestFirst() {
    return alerts.newestFirst();
  }

  private DeskAlert deskAlert(Alert alert) {
    return new DeskAlert(alert, acks.get(alert.key()), mutes.muted(alert, clock.instant()));
  }

  /** The alert currently shown for {@code key}, or null. */
  public synchronized Alert alertByKey(String key) {
    return alerts.byKey(key);
  }

  public synchronized List<ToneWindow> tone(Instant since) {
    return tone.values().stream().filter(w -> w.windowStart() != null && !w.windowStart().isBefore(since))
        .sorted(Comparator.comparing(ToneWindow::windowStart)).toList();
  }

  public synchronized List<FeedStatus> feeds() {
    return List.copyOf(feeds.values());
  }

  /** Sends {@code snapshot} the current state and then every change, until {@link #unwatch}. */
  public synchronized void watch(Consumer<Change> watcher, Consumer<Map<String, Object>> snapshot) {
    snapshot.accept(Map.of("alerts", alerts(Filter.ANY, Integer.MAX_VALUE), "feeds", feeds(), "mutes", mutes()));
    watchers.add(watcher);
  }

  public void unwatch(Consumer<Change> watcher) {
    watchers.remove(watcher);
  }

  private void publish(Change change) {
    for (Consumer<Change> watcher : watchers) {
      watcher.accept(change);
    }
  }
}
