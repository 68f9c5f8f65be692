package io.eurus.processor.stories;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Puts each article the desk sees — about the relationship, or matching one of its rules — in a story: the story
 * of its best near-duplicate within the horizon (MinHash + LSH, checked on the whole signature), else a story of
 * its own. A later version of an article stays in its story. Other articles pass with no story: they count
 * nowhere, and clustering all the world's news would cost state and time for nothing. Runs on event time (records
 * are stamped by {@code EventTime}); work per article is one signature, twenty look-ups in the heap index and
 * one story read and written.
 */
final class StoryClusterer implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  private final double similarity;
  private final long horizonMs;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private StoryBook stories;
  private LshIndex index;

  StoryClusterer(double similarity, long horizonMs) {
    this.similarity = similarity;
    this.horizonMs = horizonMs;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.stories = StoryBook.of(context, horizonMs);
    // Called once the store is restored: the index is rebuilt from the stories it holds.
    this.index = new LshIndex(horizonMs);
    stories.forEach(story -> {
      int[] signature = story.signatureValues();
      if (signature != null) {
        index.add(signature, story.id(), story.firstSeen());
      }
    });
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle enriched = record.value();
    if (enriched == null || enriched.article() == null || enriched.article().id() == null
        || !enriched.relevant() && enriched.rules().isEmpty()) {
      context.forward(record);
      return;
    }
    Article article = enriched.article();
    long time = record.timestamp();
    index.sweep(context.currentStreamTimeMs());
    // An article older than the horizon behind stream time could only join stories that have expired.
    boolean current = time >= stories.oldestOpen();
    String body = article.text() == null || article.text().isBlank() ? article.summary() : article.text();
    long[] shingles = Shingles.of(article.language(), article.title(), body);
    int[] signature = shingles.length == 0 ? null : MinHash.signature(shingles);

    Story story = null;
    if (current) {
      // A later version may have been edited beyond recognition: it finds its story by id.
      story = article.revision() > 1 ? stories.find(Story.idFor(article.id()), time) : null;
      if (story == null && signature != null) {
        story = nearest(signature, time);
      }
    }
    if (story == null) {
      story = Story.open(article, enriched.relevant(), time, signature);
      if (current && signature != null) {
        index.add(signature, story.id(), story.firstSeen());
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
    Story best = null;
    double bestSimilarity = 0;
    for (LshIndex.Entry candidate : index.candidates(signature, time, stories.oldestOpen())) {
      Story story = stories.at(candidate.storyId(), candidate.firstSeen());
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
