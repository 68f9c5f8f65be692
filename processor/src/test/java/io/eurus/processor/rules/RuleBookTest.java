package io.eurus.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
import io.eurus.processor.text.Languages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules file is read again when it changes; a broken file keeps the rules that were in force. */
class RuleBookTest {

  @TempDir
  Path tmp;

  @Test
  void aChangedFileReplacesTheRulesWithoutARestart() throws Exception {
    Path file = Files.writeString(tmp.resolve("rules.yaml"), "rules:\n  - {id: a, name: A, query: 'sanction*'}\n");
    AtomicInteger loads = new AtomicInteger();
    try (RuleBook book = RuleBook.watching(file, Languages.defaults(), Duration.ZERO, matcher -> loads.incrementAndGet())) {
      assertThat(book.current().match("en", "New sanctions", "")).extracting(m -> m.ruleId()).containsExactly("a");

      Files.writeString(file, "rules:\n  - {id: b, name: B, query: 'embargo'}\n");

      assertThat(book.reloadIfChanged()).isTrue();
      assertThat(book.current().match("en", "New sanctions and an embargo", "")).extracting(m -> m.ruleId()).containsExactly("b");
      assertThat(book.reloadIfChanged()).as("unchanged content").isFalse();
      assertThat(loads).hasValue(2);
    }
  }

  @Test
  void theWatcherPicksUpASavedChangeWithinItsInterval() throws Exception {
    Path file = Files.writeString(tmp.resolve("rules.yaml"), "rules:\n  - {id: a, name: A, query: 'sanction*'}\n");
    try (RuleBook book = RuleBook.watching(file, Languages.defaults(), Duration.ofMillis(100), matcher -> { })) {
      Files.writeString(file, "rules:\n  - {id: b, name: B, query: 'embargo'}\n");

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (book.current().match("en", "embargo", "").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(book.current().match("en", "embargo", "")).extracting(m -> m.ruleId()).containsExactly("b");
    }
  }

  @Test
  void aFileThatIsNoLongerYamlKeepsThePreviousRulesInForce() throws Exception {
    Path file = Files.writeString(tmp.resolve("rules.yaml"), "rules:\n  - {id: a, name: A, query: 'sanction*'}\n");
    try (RuleBook book = RuleBook.watching(file, Languages.defaults(), Duration.ZERO, matcher -> { })) {
      Files.writeString(file, "rules: [ {id: b\n");

      assertThat(book.reloadIfChanged()).isFalse();
      assertThat(book.current().match("en", "sanctions", "")).extracting(m -> m.ruleId()).containsExactly("a");
    }
  }

  @Test
  void aMissingFileFailsTheStartNamingIt() {
    Path missing = tmp.resolve("nope.yaml");

    assertThatThrownBy(() -> RuleBook.watching(missing, Languages.defaults(), Duration.ZERO, matcher -> { }))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("rules file " + missing + ": cannot read it");
  }
}
