package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.processor.rules.RuleBook;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesProblemAlertsTest {

  private static final Path FILE = Path.of("/etc/eurus/rules.yaml");
  private static final Instant SAVED = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void aProblemOpensAnAlertItsChangesAreRevisionsAndTheFixClosesItAtLow() {
    List<Alert> raised = new ArrayList<>();
    RulesProblemAlerts health = new RulesProblemAlerts(matcher -> { }, raised::add, Clock.fixed(SAVED.plusSeconds(5), ZoneOffset.UTC));

    health.problem(new RuleBook.Problem(FILE, "holds no usable rule", SAVED, 12));
    health.problem(new RuleBook.Problem(FILE, "is gone (deleted or moved)", SAVED.plusSeconds(60), 12));
    health.fixed(io.eurus.processor.rules.RuleMatcher.compile(io.eurus.processor.rules.RuleFile.bundled(),
        io.eurus.processor.text.Languages.defaults()));
    health.problem(new RuleBook.Problem(FILE, "holds no usable rule", SAVED.plusSeconds(3600), 12));

    assertThat(raised).extracting(Alert::type).containsOnly(AlertType.RULES_PROBLEM);
    assertThat(raised.subList(0, 3)).extracting(Alert::key).containsOnly("RULES_PROBLEM:/etc/eurus/rules.yaml:" + SAVED.toEpochMilli());
    assertThat(raised).extracting(Alert::revision).containsExactly(1, 2, 3, 1);
    assertThat(raised).extracting(Alert::severity).containsExactly(Severity.HIGH, Severity.HIGH, Severity.LOW, Severity.HIGH);
    assertThat(raised.get(0).summary()).isEqualTo("The rules file /etc/eurus/rules.yaml holds no usable rule. The 12 rules read before "
        + "stay in force until it is fixed; set processor.rules.allow.empty=true only to run without rules on purpose.");
    assertThat(raised.get(2).title()).startsWith("Rules file fixed: ");
    assertThat(raised.get(3).key()).as("a new problem is a new alert").isNotEqualTo(raised.get(0).key());
  }
}
