package io.eurus.events;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic with the types of its keys and values. Every producer, consumer and
 * {@code stream()/to()} takes the name and the serdes from here, so a topic cannot be read
 * with the wrong type by accident.
 *
 * @param compacted whether the topic keeps only the latest value per key (log compaction)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, String purpose) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  @Override
  public String toString() {
    return name;
  }
}
