package io.eurus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eurus.embedded.testing.SharedKafka;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.FeedStatus;
import io.eurus.events.Topics;
import io.eurus.ingest.poll.FeedCatalog;
import io.eurus.ingest.testing.Ingest;
import io.eurus.ingest.testing.ServedFeeds;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A feed that leaves the list, on a real broker with feeds served over HTTP: its owner stops polling it and
 * publishes tombstones for its status and its state, once (a restart that reads the list again removes
 * nothing twice), and the feed still listed keeps being polled. Left out while ingest was stopped, it is
 * removed when ingest starts, without being polled.
 */
class FeedRemovalIT {

  private final String bootstrap = SharedKafka.bootstrapServers();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String group = "ingest-" + run;
  private ServedFeeds served;
  private TopicProbe<String, FeedStatus> statuses;
  private TopicProbe<String, FeedState> states;
  private FeedDefinition kept;
  private FeedDefinition removed;

  @BeforeEach
  void serveTwoFeeds() throws Exception {
    served = new ServedFeeds();
    statuses = new TopicProbe<>(bootstrap, Topics.FEED_STATUS);
    states = new TopicProbe<>(bootstrap, Topics.INGEST_STATE);
    kept = served.feed("kept-" + run, Duration.ofSeconds(1));
    removed = served.feed("removed-" + run, Duration.ofSeconds(1));
    served.add(kept.id(), "k", "Council extends sanctions on Russia");
    served.add(removed.id(), "r", "Talks resume in Geneva");
  }

  @AfterEach
  void close() {
    statuses.close();
    states.close();
    served.close();
  }

  @Test
  void aFeedThatLeavesTheListGetsOneTombstoneOnFeedStatusAndIngestStateAndTheOtherKeepsPolling() throws Exception {
    try (IngestService ingest = Ingest.start(bootstrap, group, "EurusTest/removal", List.of(kept, removed))) {
      statuses.readUntil(seen -> !of(seen, kept).isEmpty() && !of(seen, removed).isEmpty(), Duration.ofSeconds(30));
      states.readUntil(seen -> !of(seen, removed).isEmpty(), Duration.ofSeconds(30));

      publishList(List.of(kept)); // what an instance started with the shorter list does

      statuses.readUntil(seen -> tombstones(of(seen, removed)) == 1, Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(10)).until(() -> ingest.ownedFeeds().equals(List.of(kept.id())));
      long keptPolls = polls(kept);
      long removedPolls = polls(removed);
      int keptStatuses = of(statuses.readFor(Duration.ofMillis(100)), kept).size();
      statuses.readFor(Duration.ofSeconds(3));

      assertThat(polls(kept)).as("the feed still listed is polled on").isGreaterThan(keptPolls);
      assertThat(of(statuses.readFor(Duration.ofMillis(100)), kept)).as("and its status published").hasSizeGreaterThan(keptStatuses);
      assertThat(polls(removed)).as("the removed feed is not polled any more").isEqualTo(removedPolls);
    }

    // A restart reads the tombstone again: the feed's state is gone, so nothing is published for it.
    restartWithoutTheRemovedFeed("EurusTest/restarted");
  }

  @Test
  void aFeedLeftOutOfTheListWhileIngestWasStoppedIsRemovedWhenItStartsAndNeverPolled() throws Exception {
    try (IngestService before = Ingest.start(bootstrap, group, "EurusTest/before", List.of(kept, removed))) {
      statuses.readUntil(seen -> !of(seen, kept).isEmpty() && !of(seen, removed).isEmpty(), Duration.ofSeconds(30));
    }

    restartWithoutTheRemovedFeed("EurusTest/after");
  }

  /** Starts ingest with the kept feed only, lets it poll, and checks the removed one ended with one tombstone each. */
  private void restartWithoutTheRemovedFeed(String userAgent) {
    try (IngestService restarted = Ingest.start(bootstrap, group, userAgent, List.of(kept))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> served.requests().stream()
          .anyMatch(r -> r.userAgent().equals(userAgent) && r.path().endsWith("/" + kept.id())));
      statuses.readUntil(seen -> tombstones(of(seen, removed)) == 1, Duration.ofSeconds(30));
      statuses.readFor(Duration.ofSeconds(2));
    }
    assertRemovedOnce(of(statuses.readFor(Duration.ofMillis(100)), removed));
    assertRemovedOnce(of(states.readUntil(seen -> tombstones(of(seen, removed)) == 1, Duration.ofSeconds(10)), removed));
    assertThat(served.requests()).noneMatch(r -> r.userAgent().equals(userAgent) && r.path().endsWith("/" + removed.id()));
  }

  private static void assertRemovedOnce(List<? extends ConsumerRecord<String, ?>> records) {
    assertThat(tombstones(records)).isEqualTo(1);
    assertThat(records.get(records.size() - 1).value()).as("nothing published after the tombstone").isNull();
  }

  private void publishList(List<FeedDefinition> feeds) throws Exception {
    Map<String, Object> readerConfig = KafkaClients.consumerConfig(KafkaConnection.to(bootstrap), null, "test-catalog");
    readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (var reader = new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
         var producer = new KafkaProducer<>(KafkaClients.producerConfig(KafkaConnection.to(bootstrap), "test-catalog"), new ByteArraySerializer(),
             new ByteArraySerializer())) {
      FeedCatalog.publish(feeds, reader, producer, Duration.ofSeconds(30));
    }
  }

  private static <V> List<ConsumerRecord<String, V>> of(List<ConsumerRecord<String, V>> records, FeedDefinition feed) {
    return records.stream().filter(r -> r.key().equals(feed.id())).toList();
  }

  private static long tombstones(List<? extends ConsumerRecord<String, ?>> records) {
    return records.stream().filter(r -> r.value() == null).count();
  }

  private long polls(FeedDefinition feed) {
    return served.requests().stream().filter(r -> r.path().endsWith("/" + feed.id())).count();
  }
}
