package io.eurus.processor.series;

import static io.eurus.processor.testing.Coverage.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.EnrichedArticle;
import io.eurus.events.ToneWindow;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.stories.StoryStores;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka Streams revives a task in place after an error under exactly-once (a commit that timed out, a corrupted
 * store): its stores are wiped and restored from the changelogs, which hold only what was committed, and
 * {@code init} is called again on the <em>same</em> processor instance. Whatever the processor kept on the heap
 * from the aborted transaction must not survive that, or the articles processed again count twice.
 */
class SeriesProcessorRevivalTest {

  private static final String RU = "eu-russia/russia-state/ru";
  private final DetectorConfig config = DetectorConfig.bundled();
  private int lives;

  @TempDir
  Path folder;

  @Test
  void revivedTaskCountsOnlyWhatItsRestoredStoresHoldNotWhatItsAbortedTransactionSaw() throws IOException {
    EnrichedArticle tass = story("a-1", 1).from("ТАСС", "russia-state", "ru").at("2026-11-20T10:05:00Z").tone(-0.4).build();
    EnrichedArticle ria = story("a-2", 2).from("РИА Новости", "russia-state", "ru").at("2026-11-20T10:40:00Z").tone(-0.2).build();
    SeriesProcessor processor = new SeriesProcessor(config);

    processor.init(withEmptyStores());
    processor.process(record(tass));
    // The transaction that counted a-1 aborts: the task is revived on stores restored without it.
    MockProcessorContext<String, SeriesOutput> revived = withEmptyStores();
    processor.init(revived);
    processor.process(record(tass));
    processor.process(record(ria));
    processor.process(record(story("a-3", 3).from("ТАСС", "russia-state", "ru").at("2026-11-20T11:31:00Z").irrelevant().build()));

    assertThat(closed(revived, RU)).singleElement().satisfies(window -> {
      assertThat(window.articles()).as("a-1 once, a-2").isEqualTo(2);
      assertThat(window.meanTone()).isEqualTo(-0.3);
    });
  }

  private MockProcessorContext<String, SeriesOutput> withEmptyStores() throws IOException {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "revival-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    File stateDir = Files.createDirectories(folder.resolve("state-" + ++lives)).toFile();
    MockProcessorContext<String, SeriesOutput> context = new MockProcessorContext<>(properties, new TaskId(1, 0), stateDir);
    for (StoreBuilder<? extends StateStore> builder : List.of(SeriesStores.windows(), SeriesStores.state(),
        SeriesStores.profile(), StoryStores.stories(config.stories().horizon()))) {
      StateStore store = builder.withLoggingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    return context;
  }

  private static Record<String, EnrichedArticle> record(EnrichedArticle article) {
    return new Record<>(article.article().id(), article, article.article().published().toEpochMilli());
  }

  private static List<ToneWindow> closed(MockProcessorContext<String, SeriesOutput> context, String series) {
    return context.forwarded().stream()
        .map(forward -> forward.record().value())
        .filter(SeriesOutput.Window.class::isInstance)
        .map(output -> ((SeriesOutput.Window) output).window())
        .filter(window -> window.closed() && window.series().equals(series))
        .toList();
  }
}
