package io.eurus.processor.rules;

/** A rule that could not be used, and why: one line for the operator. */
public record RuleProblem(String ruleId, String reason) {

  @Override
  public String toString() {
    return "rule '" + ruleId + "': " + reason;
  }
}
