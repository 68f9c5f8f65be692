package io.eurus.processor.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The words of a text that one language's rules can look at, per field. A term or phrase query only ever looks
 * up its own words, and a wildcard only words it matches, so an article is given to Lucene Monitor with those
 * words alone, at their positions (phrases and proximity keep working) and offsets (snippets too): the other
 * words could never make a rule match, and indexing them was the largest part of matching an article. A query
 * that could look at any word of a field (a fuzzy term, a regular expression or range Lucene cannot bound) keeps
 * every word of that field.
 */
final class RuleWords {

  /** Determinising the union of thousands of wildcards stays well under this; past it, keep every word. */
  private static final int DETERMINIZE_WORK_LIMIT = 1_000_000;

  private final Map<String, CharArraySet> terms = new HashMap<>();
  private final Map<String, List<Automaton>> patterns = new HashMap<>();
  private final Map<String, CharacterRunAutomaton> compiled = new HashMap<>();
  private final Set<String> everyWord = new HashSet<>();
  private boolean everyWordEverywhere;

  /** Notes the words {@code query} can look at; call {@link #seal()} once all queries are added. */
  void add(Query query) {
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this; // NOT clauses too: a word that excludes must be seen to exclude
      }

      @Override
      public void consumeTerms(Query leaf, Term... found) {
        for (Term term : found) {
          terms.computeIfAbsent(term.field(), f -> new CharArraySet(64, false)).add(term.text());
        }
      }

      @Override
      public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
        if (leaf instanceof PrefixQuery prefix) { // its own automaton runs on UTF-8 bytes, ours on characters
          patterns.computeIfAbsent(field, f -> new ArrayList<>()).add(Operations.concatenate(
              Automata.makeString(prefix.getPrefix().text()), Automata.makeAnyString()));
        } else if (leaf instanceof AutomatonQuery pattern && !pattern.isAutomatonBinary()) {
          patterns.computeIfAbsent(field, f -> new ArrayList<>()).add(pattern.getAutomaton());
        } else {
          everyWord.add(field);
        }
      }

      @Override
      public void visitLeaf(Query leaf) {
        if (!(leaf instanceof MatchAllDocsQuery) && !(leaf instanceof MatchNoDocsQuery)) {
          everyWordEverywhere = true; // a query kind this class does not know: take no chances
        }
      }
    });
  }

  /** Compiles the wildcards of each field into one automaton. */
  RuleWords seal() {
    patterns.forEach((field, automata) -> {
      try {
        Automaton union = Operations.determinize(Operations.union(automata), DETERMINIZE_WORK_LIMIT);
        compiled.put(field, new CharacterRunAutomaton(union, DETERMINIZE_WORK_LIMIT));
      } catch (TooComplexToDeterminizeException e) {
        everyWord.add(field);
      }
    });
    patterns.clear();
    return this;
  }

  /** Whether any rule looks at {@code field} at all (else it is left out of the document). */
  boolean uses(String field) {
    return everyWordEverywhere || everyWord.contains(field) || terms.containsKey(field) || compiled.containsKey(field);
  }

  /** Whether a stem is needed in {@code field}. */
  boolean needs(String field, String stem) {
    if (everyWordEverywhere || everyWord.contains(field)) {
      return true;
    }
    CharArraySet words = terms.get(field);
    CharacterRunAutomaton pattern = compiled.get(field);
    return (words != null && words.contains(stem)) || (pattern != null && pattern.run(stem));
  }

  /** Whether a word, as {@code field} holds it, is needed there. */
  boolean needs(String field, char[] word, int length) {
    if (everyWordEverywhere || everyWord.contains(field)) {
      return true;
    }
    CharArraySet words = terms.get(field);
    CharacterRunAutomaton pattern = compiled.get(field);
    return (words != null && words.contains(word, 0, length)) || (pattern != null && pattern.run(word, 0, length));
  }
}
