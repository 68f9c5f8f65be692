package io.eurus.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eurus.platform.StartupException;
import io.eurus.processor.text.Languages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

      await().atMost(Duration.ofSeconds(10)).until(() -> !book.current().match("en", "embargo", "").isEmpty());
      assertThat(book.current().match("en", "embargo", "")).extracting(m -> m.ruleId()).containsExactly("b");
    }
  }

  @Test
  void aFileThatIsNoLongerYamlOrNoRulesFileKeepsThePreviousRulesInForceAndSaysWhy() throws Exception {
    Path file = Files.writeString(tmp.resolve("rules.yaml"), "rules:\n  - {id: a, name: A, query: 'sanction*'}\n");
    Told told = new Told();
    try (RuleBook book = RuleBook.watching(file, Languages.defaults(), Duration.ZERO, false, told)) {
      Files.writeString(file, "rules: [ {id: b\n");

      assertThat(book.reloadIfChanged()).isFalse();
      assertThat(book.current().match("en", "sanctions", "")).extracting(m -> m.ruleId()).containsExactly("a");

      Files.writeString(file, "rules:\n  - {id: a, name: A, query: 'sanction*', sevrity: HIGH, languages: en}\n");
      assertThat(book.reloadIfChanged()).isFalse();
      assertThat(told.problems).extracting(RuleBook.Problem::reason).satisfiesExactly(
          reason -> assertThat(reason).startsWith("is not valid YAML at line 2, column 1: ").doesNotContain("\n"),
          reason -> assertThat(reason).isEqualTo("has 2 problems: rules[0].languages: must be a list such as [a, b] (was 'en'); "
              + "rules[0]: unknown key 'sevrity' (known: id, languages, name, query, severity)"));
    }
    assertThatThrownBy(() -> RuleBook.watching(file, Languages.defaults(), Duration.ZERO, matcher -> { }))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("rules file " + file + " has 2 problems:")
        .hasMessageContaining(file + ": rules[0]: unknown key 'sevrity'");
  }

  @Test
  void aMissingFileFailsTheStartNamingIt() {
    Path missing = tmp.resolve("nope.yaml");

    assertThatThrownBy(() -> RuleBook.watching(missing, Languages.defaults(), Duration.ZERO, matcher -> { }))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("rules file " + missing + ": cannot read it");
  }

  /** What the book tells: each problem, and the fix. */
  private static final class Told implements RuleBook.Listener {
    final List<RuleBook.Problem> problems = new ArrayList<>();
    final List<Integer> fixed = new ArrayList<>();

    @Override
    public void loaded(RuleMatcher matcher) {
    }

    @Override
    public void problem(RuleBook.Problem problem) {
      problems.add(problem);
    }

    @Override
    public void fixed(RuleMatcher matcher) {
      fixed.add(matcher.rules().size());
    }
  }

  private static final String RULE_A = "rules:\n  - {id: a, name: A, query: 'sanction*'}\n";

  /** Checks the file {@code checks} times, as the watcher would, and says whether rule a is still in force. */
  private static boolean checkedAndAStillInForce(RuleBook book, int checks) {
    for (int check = 0; check < checks; check++) {
      assertThat(book.reloadIfChanged()).isFalse();
    }
    return book.current().match("en", "sanctions", "").stream().anyMatch(m -> m.ruleId().equals("a"));
  }

  @Test
  void aFileSavedWithNoRulesKeepsThePreviousRulesWarnsOnceAndSaysWhenItIsFixed() throws Exception {
    Path file = Files.writeString(tmp.resolve("rules.yaml"), RULE_A);
    Told told = new Told();
    try (RuleBook book = RuleBook.watching(file, Languages.defaults(), Duration.ZERO, false, told)) {
      Files.writeString(file, "rules: []\n");

      assertThat(checkedAndAStillInForce(book, 5)).isTrue();
      assertThat(told.problems).singleElement().satisfies(p -> {
        assertThat(p.reason()).isEqualTo("holds no usable rule");
        assertThat(p.inForce()).isEqualTo(1);
      });

      Files.writeString(file, "rules:\n  - {id: a, name: A, query: 'sanction*'}\n  - {id: b, name: B, query: 'embargo'}\n");

      assertThat(book.reloadIfChanged()).isTrue();
      assertThat(told.fixed).containsExactly(2);
    }
  }

  @Test
  void aDeletedFileKeepsThePreviousRulesAndIsReportedOnceNotAtEveryCheck() throws Exception {
    Path file = Files.writeString(tmp.resolve("rules.yaml"), RULE_A);
    Told told = new Told();
    try (RuleBook book = RuleBook.watching(file, Languages.defaults(), Duration.ZERO, false, told)) {
      Files.delete(file);

      assertThat(checkedAndAStillInForce(book, 5)).isTrue();
      assertThat(told.problems).extracting(RuleBook.Problem::reason).containsExactly("is gone (deleted or moved)");

      Files.writeString(file, RULE_A);
      assertThat(book.reloadIfChanged()).isTrue();
      assertThat(told.fixed).containsExactly(1);
    }
  }

  @Test
  void noRulesOnPurposeNeedsTheSettingAndIsRefusedAtStartWithoutIt() throws Exception {
    Path file = Files.writeString(tmp.resolve("rules.yaml"), "rules: []\n");

    assertThatThrownBy(() -> RuleBook.watching(file, Languages.defaults(), Duration.ZERO, false, new Told()))
        .isInstanceOf(StartupException.class)
        .hasMessage("rules file " + file + " holds no usable rule: fix it, or set processor.rules.allow.empty=true to run without rules on purpose");
    Told told = new Told();
    try (RuleBook book = RuleBook.watching(file, Languages.defaults(), Duration.ZERO, true, told)) {
      assertThat(book.current().rules()).isEmpty();
      assertThat(told.problems).isEmpty();
    }
  }
}
