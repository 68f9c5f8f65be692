package io.eurus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedState;
import io.eurus.events.FeedStatus;
import io.eurus.events.Topics;
import io.eurus.ingest.poll.FeedCatalog;
import io.eurus.ingest.testing.Ingest;
import io.eurus.ingest.testing.ServedFeeds;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.testing.SharedKafka;
import io.eurus.platform.testing.TopicProbe;
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

  @Test
  void aFeedThatLeavesTheListGetsOneTombstoneOnFeedStatusAndIngestStateAndTheOtherKeepsPolling() throws Exception {
    try (ServedFeeds served = new ServedFeeds();
         TopicProbe<String, FeedStatus> statuses = new TopicProbe<>(bootstrap, Topics.FEED_STATUS);
         TopicProbe<String, FeedState> states = new TopicProbe<>(bootstrap, Topics.INGEST_STATE)) {
      FeedDefinition kept = served.feed("kept-" + run, Duration.ofSeconds(1));
      FeedDefinition removed = served.feed("removed-" + run, Duration.ofSeconds(1));
      served.add(kept.id(), "k", "Council extends sanctions on Russia");
      served.add(removed.id(), "r", "Talks resume in Geneva");
      String group = "ingest-" + run;

      try (IngestService ingest = Ingest.start(bootstrap, group, "EurusTest/removal", List.of(kept, removed))) {
        statuses.readUntil(seen -> !of(seen, kept).isEmpty() && !of(seen, removed).isEmpty(), Duration.ofSeconds(30));
        states.readUntil(seen -> !of(seen, removed).isEmpty(), Duration.ofSeconds(30));

        publishList(List.of(kept)); // what an instance started with the shorter list does

        statuses.readUntil(seen -> tombstones(of(seen, removed)) == 1, Duration.ofSeconds(30));
        states.readUntil(seen -> tombstones(of(seen, removed)) == 1, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.ownedFeeds().equals(List.of(kept.id())));
        long keptPolls = polls(served, kept);
        long removedPolls = polls(served, removed);
        int keptStatuses = of(statuses.readFor(Duration.ofMillis(100)), kept).size();
        statuses.readFor(Duration.ofSeconds(3));

        assertThat(polls(served, kept)).as("the feed still listed is polled on").isGreaterThan(keptPolls);
        assertThat(of(statuses.readFor(Duration.ofMillis(100)), kept)).as("and its status published").hasSizeGreaterThan(keptStatuses);
        assertThat(polls(served, removed)).as("the removed feed is not polled any more").isEqualTo(removedPolls);
      }

      // A restart reads the tombstone again: the feed's state is gone, so nothing is published for it.
      try (IngestService restarted = Ingest.start(bootstrap, group, "EurusTest/restarted", List.of(kept))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> served.requests().stream()
            .anyMatch(r -> r.userAgent().equals("EurusTest/restarted") && r.path().endsWith(kept.id())));
        statuses.readFor(Duration.ofSeconds(2));
        states.readFor(Duration.ofMillis(500));
      }
      List<ConsumerRecord<String, FeedStatus>> removedStatuses = of(statuses.readFor(Duration.ofMillis(100)), removed);
      assertThat(tombstones(removedStatuses)).isEqualTo(1);
      assertThat(removedStatuses.get(removedStatuses.size() - 1).value()).as("nothing published after the tombstone").isNull();
      List<ConsumerRecord<String, FeedState>> removedStates = of(states.readFor(Duration.ofMillis(100)), removed);
      assertThat(tombstones(removedStates)).isEqualTo(1);
      assertThat(removedStates.get(removedStates.size() - 1).value()).isNull();
      assertThat(served.requests()).noneMatch(r -> r.userAgent().equals("EurusTest/restarted") && r.path().endsWith(removed.id()));
    }
  }

  @Test
  void aFeedLeftOutOfTheListWhileIngestWasStoppedIsRemovedWhenItStartsAndNeverPolled() throws Exception {
    try (ServedFeeds served = new ServedFeeds();
         TopicProbe<String, FeedStatus> statuses = new TopicProbe<>(bootstrap, Topics.FEED_STATUS);
         TopicProbe<String, FeedState> states = new TopicProbe<>(bootstrap, Topics.INGEST_STATE)) {
      FeedDefinition kept = served.feed("kept-" + run, Duration.ofSeconds(1));
      FeedDefinition removed = served.feed("removed-" + run, Duration.ofSeconds(1));
      served.add(kept.id(), "k", "Council extends sanctions on Russia");
      served.add(removed.id(), "r", "Talks resume in Geneva");
      String group = "ingest-" + run;
      try (IngestService before = Ingest.start(bootstrap, group, "EurusTest/before", List.of(kept, removed))) {
        statuses.readUntil(seen -> !of(seen, kept).isEmpty() && !of(seen, removed).isEmpty(), Duration.ofSeconds(30));
      }

      try (IngestService after = Ingest.start(bootstrap, group, "EurusTest/after", List.of(kept))) {
        statuses.readUntil(seen -> tombstones(of(seen, removed)) == 1, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> served.requests().stream()
            .anyMatch(r -> r.userAgent().equals("EurusTest/after") && r.path().endsWith("/" + kept.id())));
        statuses.readFor(Duration.ofSeconds(2));
      }
      List<ConsumerRecord<String, FeedStatus>> removedStatuses = of(statuses.readFor(Duration.ofMillis(100)), removed);
      assertThat(tombstones(removedStatuses)).isEqualTo(1);
      assertThat(removedStatuses.get(removedStatuses.size() - 1).value()).isNull();
      List<ConsumerRecord<String, FeedState>> removedStates = of(states.readUntil(seen -> tombstones(of(seen, removed)) == 1,
          Duration.ofSeconds(10)), removed);
      assertThat(removedStates.get(removedStates.size() - 1).value()).isNull();
      assertThat(served.requests()).noneMatch(r -> r.userAgent().equals("EurusTest/after") && r.path().endsWith("/" + removed.id()));
    }
  }

  private void publishList(List<FeedDefinition> feeds) throws Exception {
    Map<String, Object> readerConfig = KafkaClients.consumerConfig(bootstrap, null, "test-catalog");
    readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (var reader = new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
         var producer = new KafkaProducer<>(KafkaClients.producerConfig(bootstrap, "test-catalog"), new ByteArraySerializer(),
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

  private static long polls(ServedFeeds served, FeedDefinition feed) {
    return served.requests().stream().filter(r -> r.path().endsWith("/" + feed.id())).count();
  }
}
