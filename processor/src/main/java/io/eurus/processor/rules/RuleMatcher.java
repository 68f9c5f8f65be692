package io.eurus.processor.rules;

import io.eurus.events.RuleMatch;
import io.eurus.processor.text.Languages;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;

/**
 * Matches texts against the desk's rules with Lucene Monitor: one monitor per language, whose analyser stems
 * like that language, so {@code expel*}, {@code "expel diplomats"~3} and {@code санкци*} find their inflections.
 * A text in a language without a monitor of its own is matched, unstemmed, against the rules for every language.
 * Immutable once built; a changed rules file builds a new matcher (see {@link RuleBook}).
 */
public final class RuleMatcher implements Closeable {

  private final Map<String, Monitor> monitors = new HashMap<>();
  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final Map<String, Integer> order = new HashMap<>();
  private final List<RuleProblem> problems = new ArrayList<>();
  // Only when a rule has a wildcard do articles need their unstemmed twin fields: analysing 3 KB twice is not free.
  private boolean searchesExact;

  private RuleMatcher() {
  }

  /** Compiles {@code contents}; a rule that does not parse is added to {@link #problems()} and left out. */
  public static RuleMatcher compile(RuleFile.Contents contents, Languages languages) {
    RuleMatcher matcher = new RuleMatcher();
    matcher.problems.addAll(contents.problems());
    try {
      Map<String, List<MonitorQuery>> queries = new HashMap<>();
      List<String> all = new ArrayList<>(languages.codes());
      all.add(Languages.FALLBACK);
      for (Rule rule : contents.rules()) {
        List<String> unknown = rule.languages().stream().filter(l -> !languages.supports(l)).toList();
        if (!unknown.isEmpty()) {
          matcher.problems.add(new RuleProblem(rule.id(), "language " + String.join(", ", unknown)
              + " is not configured (processor.languages: " + String.join(", ", languages.codes()) + ")"));
          continue;
        }
        List<String> targets = rule.languages().isEmpty() ? all : rule.languages();
        Map<String, MonitorQuery> parsed = new LinkedHashMap<>();
        try {
          for (String language : targets) {
            RuleQueryParser.Parsed query = RuleQueryParser.parse(rule.query(), analyzer(languages, language));
            matcher.searchesExact |= query.searchesExact();
            parsed.put(language, new MonitorQuery(rule.id(), query.query(), rule.query(), Map.of()));
          }
        } catch (RuleQueryParser.RuleSyntaxException e) {
          matcher.problems.add(new RuleProblem(rule.id(), e.getMessage()));
          continue;
        }
        parsed.forEach((language, query) -> queries.computeIfAbsent(language, l -> new ArrayList<>()).add(query));
        matcher.order.put(rule.id(), matcher.rules.size());
        matcher.rules.put(rule.id(), rule);
      }
      for (String language : all) {
        // Two passes: a rule is tried only when two of its terms occur, not one. With thousands of rules on
        // everyday words this keeps a 3 KB article to a few dozen tries (measured: 4× fewer at 10,000 rules).
        Monitor monitor = new Monitor(analyzer(languages, language), new MultipassTermFilteredPresearcher(2));
        matcher.monitors.put(language, monitor);
        monitor.register(queries.getOrDefault(language, List.of()));
      }
      return matcher;
    } catch (IOException | RuntimeException e) {
      matcher.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private static Analyzer analyzer(Languages languages, String language) {
    return languages.monitorAnalyzer(language, RuleQueryParser.FIELDS);
  }

  /** The rules in use. */
  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  /** The rules that could not be used, each with its reason. */
  public List<RuleProblem> problems() {
    return List.copyOf(problems);
  }

  /**
   * The rules that {@code title} and {@code text} match, in rules-file order, each with its snippet.
   *
   * @param language a configured language code, or anything else for the unstemmed fallback
   */
  public List<RuleMatch> match(String language, String title, String text) {
    Monitor monitor = monitors.get(monitors.containsKey(language) ? language : Languages.FALLBACK);
    String safeTitle = title == null ? "" : title;
    String safeText = text == null ? "" : text;
    String all = safeTitle.isEmpty() ? safeText : safeTitle + Snippets.TITLE_SEPARATOR + safeText;
    Document doc = new Document();
    doc.add(new TextField(RuleQueryParser.TITLE, safeTitle, Field.Store.NO));
    doc.add(new TextField(RuleQueryParser.TEXT, all, Field.Store.NO));
    if (searchesExact) {
      doc.add(new TextField(RuleQueryParser.TITLE + Languages.EXACT_SUFFIX, safeTitle, Field.Store.NO));
      doc.add(new TextField(RuleQueryParser.TEXT + Languages.EXACT_SUFFIX, all, Field.Store.NO));
    }
    MatchingQueries<HighlightsMatch> found;
    try {
      found = monitor.match(doc, HighlightsMatch.MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the monitor's index lives in memory
    }
    List<RuleMatch> matches = new ArrayList<>();
    found.getMatches().stream()
        .sorted(Comparator.comparingInt(match -> order(match.getQueryId())))
        .forEach(match -> {
          Rule rule = rules.get(match.getQueryId());
          matches.add(new RuleMatch(rule.id(), rule.name(), rule.severity(), Snippets.of(match, safeTitle, safeText)));
        });
    return matches;
  }

  private int order(String ruleId) {
    return order.getOrDefault(ruleId, Integer.MAX_VALUE);
  }

  @Override
  public void close() {
    for (Monitor monitor : monitors.values()) {
      try {
        monitor.close();
      } catch (IOException e) {
        // in-memory index: nothing to lose
      }
    }
  }
}
