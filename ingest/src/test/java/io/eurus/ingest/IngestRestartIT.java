package io.eurus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eurus.embedded.testing.SharedKafka;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.FeedStatus;
import io.eurus.events.Topics;
import io.eurus.ingest.testing.Ingest;
import io.eurus.ingest.testing.ServedFeeds;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Ingest on a real broker: what it published before a restart is not published again; an edit is a new revision. */
class IngestRestartIT {

  private final String bootstrap = SharedKafka.bootstrapServers();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void itemsArePublishedOnceAcrossARestartAndAnEditIsTheNextRevision() throws Exception {
    try (ServedFeeds served = new ServedFeeds();
         TopicProbe<String, Article> articles = new TopicProbe<>(bootstrap, Topics.ARTICLES);
         TopicProbe<String, FeedStatus> statuses = new TopicProbe<>(bootstrap, Topics.FEED_STATUS)) {
      FeedDefinition feed = served.feed("restart-" + run, Duration.ofSeconds(1));
      served.add(feed.id(), "a", "Council extends sanctions on Russia");
      served.add(feed.id(), "b", "Talks resume in Geneva");

      try (IngestService first = Ingest.start(bootstrap, "ingest-" + run, "EurusTest/first", List.of(feed))) {
        articles.readUntil(seen -> ours(seen, feed).size() == 2, Duration.ofSeconds(30));
        int polls = served.requests().size();
        // Two more polls of the unchanged feed, each published with its state before the next: nothing new.
        await().atMost(Duration.ofSeconds(30)).until(() -> served.requests().size() >= polls + 3);
      }
      served.add(feed.id(), "c", "Moscow expels two EU diplomats");
      served.edit(feed.id(), "a", "Council extends sanctions on Russia by six months");

      try (IngestService second = Ingest.start(bootstrap, "ingest-" + run, "EurusTest/second", List.of(feed))) {
        articles.readUntil(seen -> ours(seen, feed).size() == 4, Duration.ofSeconds(30));
        articles.readFor(Duration.ofSeconds(4));
      }

      List<Article> published = ours(articles.readFor(Duration.ofMillis(200)), feed);
      assertThat(published).extracting(a -> a.title() + " #" + a.revision()).containsExactlyInAnyOrder(
          "Council extends sanctions on Russia #1", "Talks resume in Geneva #1", "Moscow expels two EU diplomats #1",
          "Council extends sanctions on Russia by six months #2");
      assertThat(published).filteredOn(a -> a.title().startsWith("Council")).extracting(Article::id).containsOnly(
          published.stream().filter(a -> a.title().startsWith("Council")).findFirst().orElseThrow().id());
      assertThat(served.requests()).extracting(r -> r.userAgent()).contains("EurusTest/first", "EurusTest/second");
      assertThat(served.requests()).filteredOn(r -> r.userAgent().equals("EurusTest/second")).first()
          .as("the restarted instance sends the validators its predecessor stored in Kafka")
          .satisfies(r -> assertThat(r.ifNoneMatch()).isNotNull());

      List<ConsumerRecord<String, FeedStatus>> status = statuses.readUntil(
          seen -> seen.stream().anyMatch(r -> r.key().equals(feed.id())), Duration.ofSeconds(10));
      assertThat(status).filteredOn(r -> r.key().equals(feed.id())).last().satisfies(r -> {
        assertThat(r.value().lastSuccess()).isNotNull();
        assertThat(r.value().consecutiveFailures()).isZero();
        assertThat(r.value().malformed()).isFalse();
      });
    }
  }

  static List<Article> ours(List<ConsumerRecord<String, Article>> records, FeedDefinition feed) {
    return records.stream().map(ConsumerRecord::value).filter(a -> a.feedId().equals(feed.id())).toList();
  }
}
