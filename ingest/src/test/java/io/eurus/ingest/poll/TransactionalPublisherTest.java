package io.eurus.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.FeedStatus;
import io.eurus.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher's decisions when Kafka misbehaves, on Kafka's own MockProducer (the broker-level behaviour
 * is proven by the ITs): a timed-out commit is retried, never resent; a group fence drops the batch.
 */
class TransactionalPublisherTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  private static final FeedDefinition FEED = new FeedDefinition(1, "f", "https://x.example/rss", "F", "eu-media", "en",
      Duration.ofMinutes(10), false);
  private static final TransactionalPublisher.Fence FENCE = new TransactionalPublisher.Fence(
      new ConsumerGroupMetadata("eurus-ingest"), Map.of(new TopicPartition("feeds", 0), new OffsetAndMetadata(1)));

  private final List<MockProducer<byte[], byte[]>> created = new CopyOnWriteArrayList<>();
  private final MockProducer<byte[], byte[]> producer = newProducer();
  /** The waits the publisher asked for; none is waited for real. */
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile Runnable afterWait = () -> { };
  private final TransactionalPublisher publisher = new TransactionalPublisher(
      () -> created.size() == 1 && !producer.closed() ? producer : newProducer(), () -> Optional.of(FENCE), wait -> {
        waits.add(wait);
        afterWait.run();
      });

  private final AtomicInteger commitAttempts = new AtomicInteger();

  private MockProducer<byte[], byte[]> newProducer() {
    MockProducer<byte[], byte[]> made = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
      @Override
      public void commitTransaction() {
        commitAttempts.incrementAndGet();
        super.commitTransaction();
      }
    };
    created.add(made);
    return made;
  }

  @AfterEach
  void stop() {
    publisher.close();
  }

  private static PollOutcome outcome(String articleId) {
    Article article = Article.builder()
        .schemaVersion(1)
        .id(articleId)
        .revision(1)
        .feedId("f")
        .source("F")
        .bloc("eu-media")
        .url("https://x.example/" + articleId)
        .title("T")
        .summary("S")
        .text("S")
        .language("en")
        .published(T0)
        .fetched(T0)
        .build();
    FeedStatus status = FeedStatus.builder()
        .schemaVersion(1)
        .feedId("f")
        .url(FEED.url())
        .bloc("eu-media")
        .checkedAt(T0)
        .lastSuccess(T0)
        .consecutiveFailures(0)
        .itemsInLastPoll(1)
        .itemsPerDay(0)
        .newestItem(T0)
        .malformed(false)
        .build();
    return new PollOutcome(FEED, PollOutcome.Result.MODIFIED, List.of(article), FeedState.initial("f"), true, status, List.of());
  }

  @Test
  void articleStateAndStatusCommitTogetherWithTheGroupsOffsets() throws Exception {
    publisher.start();

    publisher.publish(outcome("a-1")).get(10, TimeUnit.SECONDS);

    assertThat(producer.history()).extracting(r -> r.topic()).containsExactly("articles", "ingest.state", "feed-status");
    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.sentOffsets()).isTrue();
  }

  @Test
  void commitThatTimesOutIsRetriedWithBackoffAndTheArticleIsSentOnce() throws Exception {
    producer.commitTransactionException = new TimeoutException("broker not answering");
    publisher.start();

    java.util.concurrent.CountDownLatch backAfterFive = new java.util.concurrent.CountDownLatch(1);
    afterWait = () -> {
      if (waits.size() == 5) {
        assertThat(publisher.connected()).as("disconnected while the commit times out").isFalse();
        producer.commitTransactionException = null; // the broker is back
        backAfterFive.countDown();
      }
    };

    CompletableFuture<Void> committed = publisher.publish(outcome("a-1"));

    committed.get(10, TimeUnit.SECONDS);
    assertThat(backAfterFive.getCount()).isZero();
    assertThat(waits).as("the shared backoff: doubling from 250 ms, capped at 5 s, not a spinning loop")
        .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(commitAttempts).hasValue(6);
    assertThat(producer.history()).filteredOn(r -> r.topic().equals("articles")).hasSize(1);
    assertThat(publisher.connected()).isTrue();
  }

  @Test
  void healthAlertIsPublishedOnAlertsInTheSameTransactionAsTheFeedsStatus() throws Exception {
    FeedHealth health = new FeedHealth(Duration.ofMinutes(30), 6, Duration.ofHours(3));
    FeedState failingSinceT0 = health.failed(FeedState.initial("f"), T0, "HTTP 404 Not Found", null);
    Alert failing = health.check(FEED, failingSinceT0, T0.plus(Duration.ofMinutes(31))).alerts().get(0);
    PollOutcome outcome = new PollOutcome(FEED, PollOutcome.Result.FAILED, List.of(), FeedState.initial("f"), true,
        outcome("a-1").status(), List.of(failing));
    publisher.start();

    publisher.publish(outcome).get(10, TimeUnit.SECONDS);

    assertThat(producer.history()).extracting(r -> r.topic() + " " + new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("ingest.state f", "feed-status f", "alerts FEED_FAILING:f:" + T0.getEpochSecond());
    Alert published = Topics.ALERTS.valueSerde().deserializer().deserialize("alerts", producer.history().get(2).value());
    assertThat(published.type()).isEqualTo(AlertType.FEED_FAILING);
    assertThat(published.feedId()).isEqualTo("f");
    assertThat(producer.transactionCommitted()).isTrue();
  }

  @Test
  void outcomeIsKeptAndPublishedByANewProducerWhenTheTransactionFails() throws Exception {
    producer.sendException = new KafkaException("no leader for articles-0");
    publisher.start();

    publisher.publish(outcome("a-1")).get(15, TimeUnit.SECONDS);

    assertThat(producer.transactionCommitted()).isFalse();
    assertThat(producer.closed()).isTrue();
    MockProducer<byte[], byte[]> replacement = created.get(created.size() - 1);
    assertThat(replacement).isNotSameAs(producer);
    assertThat(replacement.transactionCommitted()).isTrue();
    assertThat(replacement.history()).filteredOn(r -> r.topic().equals("articles")).hasSize(1);
  }

  @Test
  void removalOfAFeedIsTwoTombstonesKeptThroughAFailedTransactionAndCommittedWithTheGroupsOffsets() throws Exception {
    producer.sendException = new KafkaException("no leader for ingest.state-0");
    publisher.start();

    publisher.publishRemoval("f").get(15, TimeUnit.SECONDS);

    assertThat(producer.transactionCommitted()).isFalse();
    MockProducer<byte[], byte[]> replacement = created.get(created.size() - 1);
    assertThat(replacement).isNotSameAs(producer);
    assertThat(replacement.transactionCommitted()).isTrue();
    assertThat(replacement.sentOffsets()).as("fenced like a poll").isTrue();
    assertThat(replacement.history())
        .extracting(r -> r.topic() + " " + new String(r.key(), StandardCharsets.UTF_8) + (r.value() == null ? " tombstone" : " value"))
        .containsExactly("ingest.state f tombstone", "feed-status f tombstone");
  }

  @Test
  void batchFencedByTheConsumerGroupIsDroppedNotRetried() {
    producer.sendOffsetsToTransactionException = new KafkaException("in error state",
        new CommitFailedException("consumer group metadata mismatch"));
    publisher.start();

    CompletableFuture<Void> committed = publisher.publish(outcome("a-1"));

    await().atMost(Duration.ofSeconds(10)).until(committed::isDone);
    assertThatThrownBy(committed::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TransactionalPublisher.NotPublishedException.class).hasMessageContaining("fenced by a rebalance");
    assertThat(producer.transactionCommitted()).isFalse();
    assertThat(producer.transactionAborted()).isTrue();
  }
}
