package io.eurus.events;

/**
 * One of the desk's rules that an article matched.
 *
 * @param snippet the matching passage with the matched terms marked {@code [[like this]]}
 */
public record RuleMatch(String ruleId, String name, Severity severity, String snippet) {
}
