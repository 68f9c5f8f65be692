package io.eurus.ingest.poll;

import io.eurus.events.FeedDefinition;
import io.eurus.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Publishes the configured feed list to the compacted {@code feeds} topic, which is what the ingest
 * instances split between them: a new or changed definition is written, a feed no longer listed gets a
 * tombstone, an unchanged one is left alone (so restarts do not rewrite the topic).
 */
public final class FeedCatalog {

  /** How many definitions were written and removed. */
  public record Changes(int written, int removed) {
  }

  private FeedCatalog() {
  }

  public static Changes publish(List<FeedDefinition> feeds, Consumer<byte[], byte[]> reader, Producer<byte[], byte[]> producer,
      Duration timeout) throws InterruptedException, ExecutionException {
    Map<String, FeedDefinition> current = read(reader, timeout);
    Map<String, FeedDefinition> wanted = feeds.stream().collect(Collectors.toMap(FeedDefinition::id, f -> f, (a, b) -> a));
    var topic = Topics.FEEDS;
    List<Future<?>> sent = new java.util.ArrayList<>();
    int written = 0;
    for (FeedDefinition feed : wanted.values()) {
      if (!feed.equals(current.get(feed.id()))) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), feed.id()),
            topic.valueSerde().serializer().serialize(topic.name(), feed))));
        written++;
      }
    }
    int removed = 0;
    for (String id : current.keySet()) {
      if (!wanted.containsKey(id)) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), id), null)));
        removed++;
      }
    }
    producer.flush();
    for (Future<?> future : sent) {
      future.get();
    }
    return new Changes(written, removed);
  }

  /** The definitions on the topic now (the latest per key, tombstones applied). */
  static Map<String, FeedDefinition> read(Consumer<byte[], byte[]> reader, Duration timeout) {
    List<TopicPartition> partitions = reader.partitionsFor(Topics.FEEDS.name(), timeout).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    return CompactedTopic.latest(reader, Topics.FEEDS, partitions, timeout);
  }
}
