package io.eurus.processor.rules;

import io.eurus.processor.text.Languages;
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

  private final Map<String, Set<String>> terms = new HashMap<>();
  private final Map<String, List<Automaton>> patterns = new HashMap<>();
  private final Map<String, FieldWords> sealed = new HashMap<>();
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
          terms.computeIfAbsent(term.field(), f -> new HashSet<>()).add(term.text());
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

  /** Compiles the wildcards of each field into one automaton, and each field's words into one lookup. */
  RuleWords seal() {
    for (String field : fields()) {
      Automaton union = null;
      boolean all = everyWordEverywhere || everyWord.contains(field);
      if (!all && patterns.containsKey(field)) {
        try {
          union = Operations.determinize(Operations.union(patterns.get(field)), DETERMINIZE_WORK_LIMIT);
        } catch (TooComplexToDeterminizeException e) {
          all = true;
        }
      }
      sealed.put(field, new FieldWords(all, terms.getOrDefault(field, Set.of()),
          union == null ? null : new CharacterRunAutomaton(union, DETERMINIZE_WORK_LIMIT)));
    }
    terms.clear();
    patterns.clear();
    return this;
  }

  private Set<String> fields() {
    Set<String> fields = new HashSet<>(terms.keySet());
    fields.addAll(patterns.keySet());
    fields.addAll(everyWord);
    if (everyWordEverywhere) {
      fields.addAll(RuleQueryParser.FIELDS);
      RuleQueryParser.FIELDS.forEach(field -> fields.add(field + Languages.EXACT_SUFFIX));
    }
    return fields;
  }

  /** The words some rule can look at in {@code field}, or null when no rule looks at that field at all. */
  FieldWords in(String field) {
    return sealed.get(field);
  }

  /** The words of one field that rules can look at. */
  static final class FieldWords {
    private final boolean all;
    private final Set<String> words;
    private final CharArraySet wordsAsChars;
    private final CharacterRunAutomaton patterns;

    private FieldWords(boolean all, Set<String> words, CharacterRunAutomaton patterns) {
      this.all = all;
      this.words = Set.copyOf(words);
      this.wordsAsChars = new CharArraySet(words, false);
      this.patterns = patterns;
    }

    /** Whether a stem is needed (a stem is a shared String: its hash is computed once). */
    boolean needs(String stem) {
      return all || words.contains(stem) || (patterns != null && patterns.run(stem));
    }

    /**
     * Whether a word is needed in an unstemmed field, which holds it lower-cased and with ё as е
     * ({@link Languages#normaliseWord}). Most words are not: the wildcards' automaton is stepped through the
     * word as it is lower-cased and gives up at the first character no wildcard allows, without copying it.
     */
    boolean needsWritten(String written) {
      if (all) {
        return true;
      }
      if (!words.isEmpty()) {
        char[] word = written.toCharArray();
        Languages.normaliseWord(word, word.length);
        if (wordsAsChars.contains(word, 0, word.length)) {
          return true;
        }
      }
      if (patterns == null) {
        return false;
      }
      int state = 0;
      for (int i = 0; i < written.length() && state != -1; ) {
        int c = written.codePointAt(i);
        i += Character.charCount(c);
        c = Character.toLowerCase(c);
        state = patterns.step(state, c == 'ё' ? 'е' : c);
      }
      return state != -1 && patterns.isAccept(state);
    }
  }
}
