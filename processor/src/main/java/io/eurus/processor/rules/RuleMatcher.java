package io.eurus.processor.rules;

import io.eurus.events.RuleMatch;
import io.eurus.processor.text.AnalysedText;
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
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;

/**
 * Matches texts against the desk's rules with Lucene Monitor: one monitor per language, whose analyser stems
 * like that language, so {@code expel*}, {@code "expel diplomats"~3} and {@code санкци*} find their inflections.
 * A text in a language without a monitor of its own is matched, unstemmed, against the rules for every language.
 * Immutable once built; a changed rules file builds a new matcher (see {@link RuleBook}).
 */
public final class RuleMatcher implements Closeable {

  private final Map<String, Monitor> monitors = new HashMap<>();
  private final Map<String, RuleWords> wordsNeeded = new HashMap<>();
  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final Map<String, Integer> order = new HashMap<>();
  private final List<RuleProblem> problems = new ArrayList<>();

  private final Languages languages;

  private RuleMatcher(Languages languages) {
    this.languages = languages;
  }

  /** Compiles {@code contents}; a rule that does not parse is added to {@link #problems()} and left out. */
  public static RuleMatcher compile(RuleFile.Contents contents, Languages languages) {
    RuleMatcher matcher = new RuleMatcher(languages);
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
        Map<String, Query> parsed = new LinkedHashMap<>();
        try {
          for (String language : targets) {
            parsed.put(language, RuleQueryParser.parse(rule.query(), analyzer(languages, language)));
          }
        } catch (RuleQueryParser.RuleSyntaxException e) {
          matcher.problems.add(new RuleProblem(rule.id(), e.getMessage()));
          continue;
        }
        parsed.forEach((language, query) -> {
          queries.computeIfAbsent(language, l -> new ArrayList<>())
              .add(new MonitorQuery(rule.id(), PrerewrittenQuery.of(query), rule.query(), Map.of()));
          matcher.wordsNeeded.computeIfAbsent(language, l -> new RuleWords()).add(query);
        });
        matcher.order.put(rule.id(), matcher.rules.size());
        matcher.rules.put(rule.id(), rule);
      }
      for (String language : all) {
        // Two passes: a rule is tried only when two of its terms occur, not one; wildcards count as terms too
        // (WildcardPrefixes). A third pass selected still fewer rules but cost more than it saved (BENCHMARKS.md).
        List<MonitorQuery> registered = queries.getOrDefault(language, List.of());
        // All rules in one commit, so the monitor's query index is one segment: the presearcher searches each
        // segment in turn, and 10,000 rules in the default batches of 5,000 made it search two.
        Monitor monitor = new Monitor(analyzer(languages, language), new MultipassTermFilteredPresearcher(2, 0,
            TermWeightor.DEFAULT, List.of(new WildcardPrefixes()), Set.of()),
            new MonitorConfiguration().setQueryUpdateBufferSize(registered.size() + 1));
        matcher.monitors.put(language, monitor);
        monitor.register(registered);
        matcher.wordsNeeded.computeIfAbsent(language, l -> new RuleWords()).seal();
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
    return match(languages.analyse(languages.resolve(language), title, text));
  }

  /** The rules that an already analysed text matches, in rules-file order, each with its snippet. */
  public List<RuleMatch> match(AnalysedText text) {
    String language = monitors.containsKey(text.language()) ? text.language() : Languages.FALLBACK;
    MatchingQueries<RuleHits> found;
    try {
      found = monitors.get(language).match(MonitorDocument.of(text, wordsNeeded.get(language)), RuleHits.MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the monitor's index lives in memory
    }
    List<RuleMatch> matches = new ArrayList<>();
    found.getMatches().stream()
        .sorted(Comparator.comparingInt(match -> order(match.getQueryId())))
        .forEach(match -> {
          Rule rule = rules.get(match.getQueryId());
          matches.add(new RuleMatch(rule.id(), rule.name(), rule.severity(), Snippets.of(match, text.title(), text.body())));
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
