package io.eurus.processor.coverage;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Event time of an article: when the source says it published it, but never later than when Eurus fetched it
 * (a wrong clock or time zone at the source must not put an article in the future), and the fetch time when the
 * source gives none. As a step, it stamps each record with its event time, so that every later step — the
 * story store, the windows, the replay — runs on event time rather than on when the record reached Kafka; but
 * never later than that either: a record dated ahead of the broker's clock by more than
 * {@code log.message.timestamp.after.max.ms} (an hour by default) would be refused on the way to the next step, and
 * the stream would stop on it. Only an article whose fetch time is itself wrong can meet that cap.
 */
public final class EventTime extends ContextualFixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  /** The event time of {@code article} in epoch milliseconds, {@code fallback} when it carries no time at all. */
  public static long of(Article article, long fallback) {
    if (article == null) {
      return fallback;
    }
    if (article.published() == null) {
      return article.fetched() == null ? fallback : article.fetched().toEpochMilli();
    }
    long published = article.published().toEpochMilli();
    return article.fetched() == null ? published : Math.min(published, article.fetched().toEpochMilli());
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle value = record.value();
    long time = value == null ? record.timestamp() : Math.min(of(value.article(), record.timestamp()), record.timestamp());
    context().forward(record.withTimestamp(time));
  }
}
