package io.eurus.processor.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A rule that matched a text, with the character ranges of the terms that made it match: in the title field and
 * in the text field (each with its unstemmed twin). What {@link Snippets} needs and no more — Lucene Monitor's
 * own {@code HighlightsMatch} keeps every hit in sorted trees per field, which cost more than the match itself.
 */
final class RuleHits extends QueryMatch {

  /**
   * Finds each candidate rule's matches in one pass (a rule either matches with its hits or does not). The
   * searcher's query cache is switched off: every rule runs once against a one-document index, so the cache can
   * never pay for the hashing and bookkeeping it does on each query.
   */
  static final MatcherFactory<RuleHits> MATCHER = searcher -> {
    searcher.setQueryCache(null);
    return new CandidateMatcher<>(searcher) {
      @Override
      protected void matchQuery(String ruleId, Query query, Map<String, String> metadata) throws IOException {
        Query ready = query instanceof PrerewrittenQuery prerewritten ? prerewritten.rewritten() : searcher.rewrite(query);
        Weight weight = searcher.createWeight(ready, ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            Matches matches = weight.matches(leaf, doc);
            if (matches != null) {
              addMatch(of(ruleId, matches), leaf.docBase + doc);
            }
          }
        }
      }

      @Override
      public RuleHits resolve(RuleHits one, RuleHits other) {
        RuleHits both = new RuleHits(one.getQueryId());
        both.title.addAll(one.title);
        both.title.addAll(other.title);
        both.text.addAll(one.text);
        both.text.addAll(other.text);
        return both;
      }
    };
  };

  /** [start, end) character ranges in the title and in the text field (title, separator, body); unsorted. */
  final List<int[]> title = new ArrayList<>();
  final List<int[]> text = new ArrayList<>();

  private RuleHits(String ruleId) {
    super(ruleId);
  }

  private static RuleHits of(String ruleId, Matches matches) throws IOException {
    RuleHits hits = new RuleHits(ruleId);
    for (String field : matches) {
      List<int[]> into = field.startsWith(RuleQueryParser.TITLE) ? hits.title : hits.text;
      MatchesIterator each = matches.getMatches(field);
      while (each.next()) {
        MatchesIterator terms = each.getSubMatches(); // a phrase: its words, not the span between them
        if (terms == null) {
          add(into, each);
        } else {
          while (terms.next()) {
            add(into, terms);
          }
        }
      }
    }
    return hits;
  }

  private static void add(List<int[]> into, MatchesIterator hit) throws IOException {
    if (hit.startOffset() >= 0) {
      into.add(new int[] {hit.startOffset(), hit.endOffset()});
    }
  }
}
