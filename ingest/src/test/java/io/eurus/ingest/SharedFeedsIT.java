package io.eurus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eurus.embedded.testing.SharedKafka;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.Topics;
import io.eurus.ingest.testing.Ingest;
import io.eurus.ingest.testing.LocalHttpServer;
import io.eurus.ingest.testing.ServedFeeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two ingest instances in one group share 100 feeds through Kafka's partition assignment: each feed is
 * polled by one instance only and published once; when one instance stops, the other takes its feeds over
 * from their committed state, without publishing anything twice.
 */
class SharedFeedsIT {

  private final String bootstrap = SharedKafka.bootstrapServers();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void twoInstancesShareHundredFeedsWithoutOverlapAndOneTakesOverWhenTheOtherStops() throws Exception {
    try (ServedFeeds served = new ServedFeeds();
         TopicProbe<String, Article> articles = new TopicProbe<>(bootstrap, Topics.ARTICLES)) {
      List<FeedDefinition> feeds = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        FeedDefinition feed = served.feed("shared-" + run + "-" + i, Duration.ofSeconds(2));
        served.add(feed.id(), "first", "First item of feed " + i);
        feeds.add(feed);
      }
      Set<String> ids = feeds.stream().map(FeedDefinition::id).collect(Collectors.toSet());
      String group = "ingest-" + run;

      IngestService a = Ingest.start(bootstrap, group, "EurusTest/A", feeds);
      try (IngestService b = Ingest.start(bootstrap, group, "EurusTest/B", feeds)) {
        articles.readUntil(seen -> ours(seen, ids).size() >= 100, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() -> !a.ownedFeeds().isEmpty() && !b.ownedFeeds().isEmpty()
            && a.ownedFeeds().size() + b.ownedFeeds().size() == 100);
        int before = served.requests().size();
        // Two rounds of polls of every feed with both instances settled.
        await().atMost(Duration.ofSeconds(60)).until(() -> served.requests().subList(before, served.requests().size()).stream()
            .collect(Collectors.groupingBy(LocalHttpServer.Request::path, Collectors.counting())).values().stream()
            .filter(n -> n >= 2).count() == 100);

        assertThat(a.ownedFeeds()).isNotEmpty();
        assertThat(b.ownedFeeds()).isNotEmpty().doesNotContainAnyElementsOf(a.ownedFeeds());
        Set<String> union = new HashSet<>(a.ownedFeeds());
        union.addAll(b.ownedFeeds());
        assertThat(union).isEqualTo(ids);
        Map<String, Set<String>> instancesPerFeed = served.requests().subList(before, served.requests().size()).stream()
            .collect(Collectors.groupingBy(LocalHttpServer.Request::path,
                Collectors.mapping(LocalHttpServer.Request::userAgent, Collectors.toSet())));
        assertThat(instancesPerFeed).hasSize(100).allSatisfy((path, agents) -> assertThat(agents).as(path).hasSize(1));
      }
      try (a) {
        // B stopped: A takes all 100 over; a new item in every feed is published by A, once.
        feeds.forEach(feed -> served.add(feed.id(), "second", "Second item of " + feed.id()));
        articles.readUntil(seen -> ours(seen, ids).size() >= 200, Duration.ofSeconds(60));
        articles.readFor(Duration.ofSeconds(5));
        assertThat(a.ownedFeeds()).containsExactlyInAnyOrderElementsOf(ids);
      }

      List<Article> published = ours(articles.readFor(Duration.ofMillis(200)), ids);
      assertThat(published).hasSize(200);
      assertThat(published.stream().map(Article::id).distinct().count()).isEqualTo(200);
    }
  }

  private static List<Article> ours(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, Article>> seen, Set<String> ids) {
    return seen.stream().map(org.apache.kafka.clients.consumer.ConsumerRecord::value).filter(a -> ids.contains(a.feedId())).toList();
  }
}
