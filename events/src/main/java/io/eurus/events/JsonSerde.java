package io.eurus.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde for exactly one record type: the topic fixes the type, the payload carries no type tag. */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;

  public JsonSerde(Class<T> type) {
    this.type = type;
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null; // tombstone
      }
      try {
        return Json.mapper().writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("cannot write " + type.getSimpleName() + " to " + topic + ": " + e.getMessage(), e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return Json.mapper().readValue(bytes, type);
      } catch (IOException e) {
        throw new SerializationException("not a " + type.getSimpleName() + " on " + topic + ": " + reason(e), e);
      }
    };
  }

  /** Jackson's message without its multi-line source excerpt, so a dead letter's reason stays one line. */
  private static String reason(IOException e) {
    if (e instanceof JsonProcessingException jpe) {
      var where = jpe.getLocation();
      var at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      return jpe.getOriginalMessage().replace('\n', ' ') + at;
    }
    return String.valueOf(e.getMessage());
  }
}
