package io.eurus.processor.storyalerts;

import io.eurus.events.Alert;
import io.eurus.events.EnrichedArticle;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.stories.Story;
import io.eurus.processor.stories.StoryBook;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * One alert per story: each article the desk sees, once clustered, may open its story's alert (a rule matched, or
 * the story breaks) or update it with the next revision ({@link StoryAlertState#after}). Runs on event time, after
 * the clustering step that wrote the story, in the same sub-topology (it reads the {@code stories} store).
 */
final class StoryAlertProcessor implements Processor<String, EnrichedArticle, String, Alert> {

  private final DetectorConfig.Stories config;
  private ProcessorContext<String, Alert> context;
  private StoryBook stories;
  private WindowStore<String, StoryAlertState> alerts;

  StoryAlertProcessor(DetectorConfig.Stories config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.stories = StoryBook.of(context, config.horizon().toMillis());
    this.alerts = context.getStateStore(StoryAlertStores.STORY_ALERTS);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    if (article == null || article.storyId() == null || article.article() == null) {
      return;
    }
    long time = record.timestamp();
    Story story = stories.find(article.storyId(), time);
    if (story == null) {
      // Too old to be stored (beyond the horizon behind stream time): its story is this article alone.
      story = Story.alone(article.article(), article.relevant(), time);
    }
    StoryAlertState previous = alerts.fetch(story.id(), story.firstSeen());
    StoryAlertState.Change change = StoryAlertState.after(previous, story, article, config.breaking());
    if (change == null) {
      return;
    }
    alerts.put(story.id(), change.state(), story.firstSeen());
    Alert alert = StoryAlertWriter.write(change.state(), change.what(), story.ref(), article, time, config.breaking());
    context.forward(new Record<>(alert.key(), alert, time));
  }
}
