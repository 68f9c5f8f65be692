package io.eurus.processor.rules;

import io.eurus.events.Severity;
import java.util.List;

/**
 * One of the desk's rules, as written in the rules file.
 *
 * @param languages the article languages it applies to; empty for every language
 * @param query     Lucene query syntax: AND/OR/NOT, "phrases", proximity ("expel diplomats"~3), wildcards
 *                  (санкци*), fields ({@code title:}); words are stemmed in the article's language
 */
public record Rule(String id, String name, Severity severity, List<String> languages, String query) {

  public Rule {
    languages = languages == null ? List.of() : List.copyOf(languages);
  }
}
