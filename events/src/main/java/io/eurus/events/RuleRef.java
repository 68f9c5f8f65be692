package io.eurus.events;

/** The rule an alert is about. */
public record RuleRef(String id, String name) {
}
