package io.eurus.processor;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.processor.rules.RuleBook;
import io.eurus.processor.rules.RuleMatcher;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Raises the rules file's problems to the desk, like a feed's health: a {@code RULES_PROBLEM} alert opens when the
 * file cannot be put in force (the previous rules stay), its next revision says so when the problem changes, and a
 * last revision at LOW says when it is fixed.
 *
 * <p>The alert key names the file and when it took its broken state, which every processor instance reading the
 * same file sees alike: instances raise the same alert, and the desk and the channels drop the repeats.
 */
public final class RulesProblemAlerts implements RuleBook.Listener {

  private final Consumer<RuleMatcher> onLoad;
  private final Consumer<Alert> publish;
  private final Clock clock;
  private String key;
  private int revision;
  private RuleBook.Problem open;

  /**
   * @param onLoad  told of every rule set put in force, as before
   * @param publish sends an alert to {@code alerts}
   */
  public RulesProblemAlerts(Consumer<RuleMatcher> onLoad, Consumer<Alert> publish, Clock clock) {
    this.onLoad = onLoad;
    this.publish = publish;
    this.clock = clock;
  }

  @Override
  public void loaded(RuleMatcher matcher) {
    onLoad.accept(matcher);
  }

  @Override
  public synchronized void problem(RuleBook.Problem problem) {
    if (open == null) {
      key = AlertType.RULES_PROBLEM + ":" + problem.file() + ":" + problem.changed().toEpochMilli();
      revision = 0;
    }
    open = problem;
    revision++;
    publish.accept(alert(Severity.HIGH, "Rules file problem: the previous rules stay in force",
        "The rules file " + problem.file() + " " + problem.reason() + ". The " + problem.inForce() + " rules read before stay in force "
            + "until it is fixed; set processor.rules.allow.empty=true only to run without rules on purpose."));
  }

  @Override
  public synchronized void fixed(RuleMatcher matcher) {
    if (open == null) {
      return;
    }
    revision++;
    publish.accept(alert(Severity.LOW, "Rules file fixed: " + matcher.rules().size() + " rules in force",
        "The rules file " + open.file() + " is read again: " + matcher.rules().size() + " rules in force"
            + (matcher.problems().isEmpty() ? "." : ", " + matcher.problems().size() + " left out (see the processor's log).")));
    open = null;
  }

  private Alert alert(Severity severity, String title, String summary) {
    return Alert.builder().id(Alert.idOf(key, revision)).key(key).revision(revision).type(AlertType.RULES_PROBLEM)
        .severity(severity).title(title).summary(summary).at(open.changed()).created(clock.instant()).build();
  }
}
