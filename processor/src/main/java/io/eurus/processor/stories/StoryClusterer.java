package io.eurus.processor.stories;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Puts each article in a story: the story of its best near-duplicate within the horizon (MinHash + LSH, checked
 * on the whole signature), else a story of its own. A later version of an article stays in its story. Runs on
 * event time (records are stamped by {@code EventTime}); work per article is one signature, sixteen bucket
 * look-ups and one story update.
 */
final class StoryClusterer implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  /** Fewer content words than this: too little text to tell a copy from a different story, so no matching. */
  static final int MIN_WORDS = 8;

  private final double similarity;
  private final long horizonMs;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private StoryBook stories;
  private WindowStore<Long, String> buckets;

  StoryClusterer(double similarity, long horizonMs) {
    this.similarity = similarity;
    this.horizonMs = horizonMs;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.stories = StoryBook.of(context, horizonMs);
    this.buckets = context.getStateStore(StoryStores.BUCKETS);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle enriched = record.value();
    if (enriched == null || enriched.article() == null || enriched.article().id() == null) {
      context.forward(record);
      return;
    }
    Article article = enriched.article();
    long time = record.timestamp();
    // An article older than the horizon behind stream time could only join stories that have expired.
    boolean current = time >= context.currentStreamTimeMs() - horizonMs;
    long[] shingles = Shingles.of(article.language(), article.title(), article.text());
    int[] signature = shingles.length >= MIN_WORDS - Shingles.SIZE + 1 ? MinHash.signature(shingles) : null;

    Story story = null;
    if (current) {
      story = stories.find(Story.idFor(article.id()), time);
      if (story == null && signature != null) {
        story = nearest(signature, time);
      }
    }
    if (story == null) {
      story = Story.open(article, enriched.relevant(), time, signature);
      if (current && signature != null) {
        for (int band = 0; band < MinHash.BANDS; band++) {
          buckets.put(MinHash.bucket(signature, band), story.id(), story.firstSeen());
        }
      }
    } else {
      story = story.with(article, enriched.relevant(), time);
    }
    if (current) {
      stories.put(story);
    }
    context.forward(record.withValue(StoryIds.withStoryId(enriched, story.id())));
  }

  /** The most similar story at or above the threshold; ties go to the older story, then the smaller id. */
  private Story nearest(int[] signature, long time) {
    Set<KeyValue<Long, String>> candidates = new LinkedHashSet<>();
    for (int band = 0; band < MinHash.BANDS; band++) {
      try (WindowStoreIterator<String> hits = buckets.fetch(MinHash.bucket(signature, band), time - horizonMs, time + horizonMs)) {
        hits.forEachRemaining(candidates::add);
      }
    }
    Story best = null;
    double bestSimilarity = 0;
    for (KeyValue<Long, String> candidate : candidates) {
      Story story = stories.at(candidate.value, candidate.key);
      if (story == null || story.signature() == null) {
        continue;
      }
      double s = MinHash.similarity(signature, story.signatureValues());
      if (s >= similarity && (best == null || s > bestSimilarity
          || s == bestSimilarity && (story.firstSeen() < best.firstSeen()
              || story.firstSeen() == best.firstSeen() && story.id().compareTo(best.id()) < 0))) {
        best = story;
        bestSimilarity = s;
      }
    }
    return best;
  }
}
