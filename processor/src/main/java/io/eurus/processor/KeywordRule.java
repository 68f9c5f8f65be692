package io.eurus.processor;

import io.eurus.events.Article;
import io.eurus.events.RuleMatch;
import io.eurus.events.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule that matches when any of its words occurs in an article's title or text (whole words, any case).
 * The snippet is the passage around the first occurrence with the word marked {@code [[like this]]}.
 */
public record KeywordRule(String id, String name, Severity severity, List<String> words) {

  private static final int SNIPPET_RADIUS = 80;

  public Optional<RuleMatch> match(Article article) {
    Pattern pattern = pattern();
    for (String field : new String[] {article.title(), article.text()}) {
      if (field == null) {
        continue;
      }
      Matcher matcher = pattern.matcher(field);
      if (matcher.find()) {
        return Optional.of(new RuleMatch(id, name, severity, snippet(field, matcher)));
      }
    }
    return Optional.empty();
  }

  private Pattern pattern() {
    String alternatives = words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String snippet(String text, Matcher match) {
    int from = Math.max(0, match.start() - SNIPPET_RADIUS);
    int to = Math.min(text.length(), match.end() + SNIPPET_RADIUS);
    return (from > 0 ? "…" : "") + text.substring(from, match.start()) + "[[" + match.group() + "]]"
        + text.substring(match.end(), to) + (to < text.length() ? "…" : "");
  }
}
