package io.eurus.alerts.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a lane has settled in each partition, as Kafka can store it: the committed offset is the oldest alert
 * still open (in delivery, retrying, held), and the commit's metadata lists the alerts still open above it up to
 * the last one read. Everything else in that range is settled, so a lane that resumes from the commit skips it:
 * with several deliveries at once, a stop repeats nothing that was delivered past a slower alert.
 *
 * <p>The metadata is {@code v1 <end> <gap>,<gap>,...}: the end of the known range and each open offset after the
 * first, all as differences, in base 36. Kafka bounds commit metadata (4,096 bytes by default): when the open
 * alerts do not fit, the known range is cut short before the first one left out, so what lies past it is
 * delivered again after a restart (with its idempotency key) and nothing is ever skipped that was not settled.
 */
final class OffsetLedger {

  /** Well under the broker's default {@code offset.metadata.max.bytes} of 4,096. */
  static final int MAX_METADATA = 3_000;
  private static final String VERSION = "v1";

  private final Map<TopicPartition, TreeSet<Long>> open = new HashMap<>();
  /** Per partition, the offset after the last one read (or known settled): everything below is open or settled. */
  private final Map<TopicPartition, Long> end = new HashMap<>();
  /** What a commit said was settled past its offset, per partition: skipped when read again. */
  private final Map<TopicPartition, Known> known = new HashMap<>();

  /** An alert read that needs more from the lane before its offset may be committed past. */
  void open(TopicPartition partition, long offset) {
    open.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
    end.merge(partition, offset + 1, Math::max);
  }

  /** An alert that needs nothing more: delivered, dead-lettered, not for this lane, or unreadable. */
  void settle(TopicPartition partition, long offset) {
    TreeSet<Long> offsets = open.get(partition);
    if (offsets != null) {
      offsets.remove(offset);
    }
    end.merge(partition, offset + 1, Math::max);
  }

  /** Whether a commit this lane resumed from says the alert at {@code offset} was settled already. */
  boolean settledBefore(TopicPartition partition, long offset) {
    Known range = known.get(partition);
    return range != null && range.settled(offset);
  }

  /** The commit to make per partition: the oldest open offset (or the end), with the open ones above it. */
  Map<TopicPartition, OffsetAndMetadata> commits() {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    end.forEach((partition, read) -> {
      TreeSet<Long> offsets = open.getOrDefault(partition, new TreeSet<>());
      long next = read;
      Known resumed = known.get(partition);
      if (resumed != null && resumed.end() > read) {
        // Not read again yet since the restart: what the last commit knew past here still holds. A copy, so the
        // ledger's own open set stays what this lane has read; otherwise commits read it as it is (every poll).
        offsets = new TreeSet<>(offsets);
        offsets.addAll(resumed.open().tailSet(read, true));
        next = resumed.end();
      }
      commits.put(partition, offsets.isEmpty() ? new OffsetAndMetadata(next) : new OffsetAndMetadata(offsets.first(), metadata(offsets, next)));
    });
    return commits;
  }

  /** Takes up a partition where its last commit left it. */
  void resume(TopicPartition partition, OffsetAndMetadata committed) {
    Known range = Known.parse(committed.offset(), committed.metadata());
    if (range != null) {
      known.put(partition, range);
    }
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(partition -> {
      open.remove(partition);
      end.remove(partition);
      known.remove(partition);
    });
  }

  /** For the log: how many alerts a commit names as settled past its offset (nothing when it names none). */
  static String describePast(OffsetAndMetadata commit) {
    Known range = Known.parse(commit.offset(), commit.metadata());
    return range == null || range.settledCount() == 0 ? "" : " (" + range.settledCount() + " settled past it)";
  }

  static String metadata(NavigableSet<Long> offsets, long end) {
    long base = offsets.first();
    StringBuilder gaps = new StringBuilder();
    long previous = base;
    long knownEnd = end;
    for (long offset : offsets.tailSet(base, false)) {
      String gap = Long.toString(offset - previous, 36);
      if (VERSION.length() + 14 + gaps.length() + gap.length() + 1 > MAX_METADATA) {
        knownEnd = offset; // what lies from here on is not described: a restart delivers it again
        break;
      }
      gaps.append(gaps.length() == 0 ? "" : ",").append(gap);
      previous = offset;
    }
    return VERSION + " " + Long.toString(knownEnd - base, 36) + " " + gaps;
  }

  /** The settled offsets of a commit: those in [offset, end) that are not open. */
  record Known(long from, long end, TreeSet<Long> open) {

    boolean settled(long offset) {
      return offset > from && offset < end && !open.contains(offset);
    }

    long settledCount() {
      return end - from - open.size();
    }

    /** Null for a commit without Eurus's metadata (an older version, a reset): nothing known past its offset. */
    static Known parse(long from, String metadata) {
      if (metadata == null || !metadata.startsWith(VERSION + " ")) {
        return null;
      }
      String[] parts = metadata.split(" ", -1);
      try {
        long end = from + Long.parseLong(parts[1], 36);
        TreeSet<Long> open = new TreeSet<>();
        open.add(from);
        long offset = from;
        if (parts.length > 2 && !parts[2].isEmpty()) {
          for (String gap : parts[2].split(",")) {
            offset += Long.parseLong(gap, 36);
            open.add(offset);
          }
        }
        return new Known(from, end, open);
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        return null; // not ours after all: resume as if nothing were known, which only repeats
      }
    }
  }
}
