package io.eurus.processor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopTermsRewrite;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * A rule's query rewritten once, when the rules are compiled, instead of for every article. Lucene Monitor
 * rewrites a candidate query before each match, and for a boolean query that means walking and rebuilding the
 * whole tree and hashing its clauses to find duplicates — measured as the largest single cost of matching a
 * rule that the presearcher selected. The rewrite of everything the rule parser produces (terms, phrases,
 * booleans, constant-score wildcards and ranges) does not depend on the document, so it is done here against an
 * empty index. A fuzzy term ({@code word~}) expands to the terms of the document itself: a query holding one is
 * left to Lucene's own per-document rewrite.
 */
final class PrerewrittenQuery extends Query {

  private final Query rewritten;

  private PrerewrittenQuery(Query rewritten) {
    this.rewritten = rewritten;
  }

  /**
   * {@code query}, rewritten, split like Lucene Monitor splits top-level disjunctions (so its presearcher still
   * indexes each alternative on its own), each part wrapped so that it is not rewritten again.
   */
  static Query of(Query query) {
    if (dependsOnTheDocument(query)) {
      return query;
    }
    try {
      IndexSearcher empty = new IndexSearcher(new MultiReader());
      Set<Query> parts = new QueryDecomposer().decompose(query);
      if (parts.size() == 1) {
        return new PrerewrittenQuery(empty.rewrite(query));
      }
      BooleanQuery.Builder disjunction = new BooleanQuery.Builder();
      for (Query part : parts) {
        disjunction.add(new PrerewrittenQuery(empty.rewrite(part)), BooleanClause.Occur.SHOULD);
      }
      return disjunction.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an empty in-memory reader
    }
  }

  private static boolean dependsOnTheDocument(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query leaf) {
        found[0] |= leaf instanceof MultiTermQuery multi && multi.getRewriteMethod() instanceof TopTermsRewrite;
      }

      @Override
      public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
        visitLeaf(leaf);
      }
    });
    return found[0];
  }

  /** The query as Lucene would rewrite it for any document: ready for {@link IndexSearcher#createWeight}. */
  Query rewritten() {
    return rewritten;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return rewritten.createWeight(searcher, scoreMode, boost);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    rewritten.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return rewritten.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrerewrittenQuery that && rewritten.equals(that.rewritten);
  }

  @Override
  public int hashCode() {
    return rewritten.hashCode();
  }
}
