package io.eurus.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

  private static final TopicPartition P = new TopicPartition("alerts", 0);

  @Test
  void commitsTheOldestOpenAlertAndNamesWhatIsSettledPastIt() {
    OffsetLedger ledger = new OffsetLedger();
    LongStream.range(10, 20).forEach(offset -> ledger.open(P, offset));
    List.of(10L, 11L, 13L, 14L, 15L, 17L, 18L, 19L).forEach(offset -> ledger.settle(P, offset));

    OffsetAndMetadata commit = ledger.commits().get(P);

    assertThat(commit.offset()).isEqualTo(12);
    OffsetLedger resumed = new OffsetLedger();
    resumed.resume(P, commit);
    assertThat(LongStream.range(10, 25).filter(offset -> resumed.settledBefore(P, offset)).boxed().toList())
        .containsExactly(13L, 14L, 15L, 17L, 18L, 19L);
  }

  @Test
  void withNothingOpenTheCommitIsTheEndOfWhatWasRead() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.open(P, 4);
    ledger.settle(P, 4);
    ledger.settle(P, 5);

    assertThat(ledger.commits()).isEqualTo(Map.of(P, new OffsetAndMetadata(6)));
  }

  @Test
  void aResumedLedgerKeepsWhatTheLastCommitKnewUntilItReadsThatFar() {
    OffsetLedger before = new OffsetLedger();
    LongStream.range(0, 10).forEach(offset -> before.open(P, offset));
    List.of(1L, 2L, 4L, 5L, 6L, 8L, 9L).forEach(offset -> before.settle(P, offset));
    OffsetLedger after = new OffsetLedger();
    after.resume(P, before.commits().get(P));

    after.open(P, 0); // read again and under way; 1 and 2 skipped as settled
    after.settle(P, 1);
    after.settle(P, 2);
    OffsetLedger third = new OffsetLedger();
    third.resume(P, after.commits().get(P));

    assertThat(LongStream.range(0, 12).filter(offset -> third.settledBefore(P, offset)).boxed().toList())
        .containsExactly(1L, 2L, 4L, 5L, 6L, 8L, 9L);
  }

  @Test
  void tooManyOpenAlertsForTheMetadataCutTheKnownRangeShortSoNothingUnsettledIsSkipped() {
    OffsetLedger ledger = new OffsetLedger();
    // Every other alert open over 100,000 offsets: far more gaps than Kafka's metadata can carry.
    LongStream.range(0, 100_000).forEach(offset -> ledger.open(P, offset));
    LongStream.range(0, 100_000).filter(offset -> offset % 2 == 1).forEach(offset -> ledger.settle(P, offset));

    OffsetAndMetadata commit = ledger.commits().get(P);
    OffsetLedger resumed = new OffsetLedger();
    resumed.resume(P, commit);

    assertThat(commit.metadata().length()).isLessThanOrEqualTo(OffsetLedger.MAX_METADATA);
    assertThat(LongStream.range(0, 100_000).filter(offset -> offset % 2 == 0).noneMatch(offset -> resumed.settledBefore(P, offset))).isTrue();
    assertThat(resumed.settledBefore(P, 1)).isTrue();
    assertThat(resumed.settledBefore(P, 99_999)).isFalse();
  }

  @Test
  void aCommitWithoutEurusMetadataSaysNothingIsSettledPastIt() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.resume(P, new OffsetAndMetadata(7, "written by something else"));
    OffsetLedger empty = new OffsetLedger();
    empty.resume(P, new OffsetAndMetadata(7));

    assertThat(LongStream.range(0, 20).anyMatch(offset -> ledger.settledBefore(P, offset) || empty.settledBefore(P, offset))).isFalse();
  }

  @Test
  void forgettingAPartitionDropsItsState() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.open(P, 3);
    ledger.resume(P, new OffsetAndMetadata(3, "v1 5 2"));
    ledger.forget(List.of(P));

    assertThat(ledger.commits()).isEmpty();
    assertThat(ledger.settledBefore(P, 4)).isFalse();
  }
}
