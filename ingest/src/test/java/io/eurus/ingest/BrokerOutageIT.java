package io.eurus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.embedded.EmbeddedKafka;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.Topics;
import io.eurus.ingest.testing.Ingest;
import io.eurus.ingest.testing.ServedFeeds;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.kafka.TopicAdmin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away for 30 s while new items appear in the feed: ingest keeps the outcome of the poll
 * in flight and retries it, marks nothing seen before the broker acknowledged it, and once the broker is
 * back every item, those that arrived meanwhile too, is published exactly once.
 */
class BrokerOutageIT {

  @TempDir
  Path data;

  @Test
  void itemsThatArriveWhileKafkaIsDownArePublishedOnceWhenItReturns() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    EmbeddedKafka broker = EmbeddedKafka.start(data, port);
    String bootstrap = broker.bootstrapServers();
    TopicAdmin.ensureTopics(KafkaConnection.to(bootstrap), Topics.ALL, 2);
    try (ServedFeeds served = new ServedFeeds()) {
      FeedDefinition feed = served.feed("outage", Duration.ofSeconds(1));
      served.add(feed.id(), "before-1", "Item before the outage");
      served.add(feed.id(), "before-2", "Another item before the outage");
      try (IngestService ingest = Ingest.start(bootstrap, "ingest-outage", "EurusTest/outage", List.of(feed))) {
        try (TopicProbe<String, Article> articles = new TopicProbe<>(bootstrap, Topics.ARTICLES)) {
          articles.readUntil(seen -> seen.size() == 2, Duration.ofSeconds(30));
          assertThat(articles.values()).hasSize(2);
        }

        broker.close();
        served.add(feed.id(), "during-1", "Item published while Kafka is down");
        Thread.sleep(10_000);
        served.add(feed.id(), "during-2", "Second item while Kafka is down");
        Thread.sleep(10_000);
        served.add(feed.id(), "during-3", "Third item while Kafka is down");
        Thread.sleep(10_000);
        int pollsBeforeReturn = served.requests().size();
        broker = EmbeddedKafka.start(data, port);

        try (TopicProbe<String, Article> articles = new TopicProbe<>(bootstrap, Topics.ARTICLES)) {
          articles.readUntil(seen -> seen.size() >= 5, Duration.ofSeconds(60));
          articles.readFor(Duration.ofSeconds(5)); // polls go on: a duplicate would show here
          assertThat(articles.values()).extracting(Article::title).containsExactlyInAnyOrder(
              "Item before the outage", "Another item before the outage", "Item published while Kafka is down",
              "Second item while Kafka is down", "Third item while Kafka is down");
        }
        // The poll in flight when Kafka went away was held and retried, not repeated: the feed was not hammered.
        assertThat(pollsBeforeReturn).isLessThanOrEqualTo(3);
      }
    } finally {
      broker.close();
    }
  }
}
