package io.eurus.processor.rules;

import io.eurus.processor.text.Languages;
import java.io.IOException;
import java.util.BitSet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lets Lucene Monitor's presearcher select rules by their wildcards too. On its own it reads {@code expel*} as
 * "any term", so a rule like {@code expel* AND (diplomat OR envoy)} was tried on every article naming a diplomat
 * (with 10,000 generated rules, 110 wildcard rules tried per article for 15 matches). Here a wildcard is
 * indexed under its literal beginning ({@code expel*}), and every unstemmed word of an article is offered to the
 * presearcher with its beginnings of the lengths that rules use ("expelled" → {@code expel*} among others).
 * The mark {@value #MARK} never occurs in a word, so a beginning cannot be mistaken for a word.
 */
final class WildcardPrefixes implements CustomQueryHandler {

  static final char MARK = '*';

  /** The lengths of the beginnings that rules use; filled while rules are registered, read-only afterwards. */
  private final BitSet lengths = new BitSet();

  @Override
  public QueryTree handleQuery(Query query, TermWeightor weightor) {
    String field;
    String pattern;
    if (query instanceof PrefixQuery prefix) {
      field = prefix.getField();
      pattern = prefix.getPrefix().text();
    } else if (query instanceof WildcardQuery wildcard) {
      field = wildcard.getField();
      pattern = literalStart(wildcard.getTerm().text());
    } else {
      return null;
    }
    if (pattern.isEmpty() || !field.endsWith(Languages.EXACT_SUFFIX)) {
      return null; // nothing to select on: Lucene Monitor tries it on every article
    }
    lengths.set(pattern.length());
    return QueryTree.term(new Term(field, pattern + MARK), weightor);
  }

  /** The characters before the first wildcard or escape. */
  private static String literalStart(String pattern) {
    int end = 0;
    while (end < pattern.length() && "*?\\".indexOf(pattern.charAt(end)) < 0) {
      end++;
    }
    return pattern.substring(0, end);
  }

  @Override
  public TokenStream wrapTermStream(String field, TokenStream in) {
    return field.endsWith(Languages.EXACT_SUFFIX) && !lengths.isEmpty() ? new Beginnings(in, lengths) : in;
  }

  /** Each word, then its beginnings of the given lengths (the word itself included), each followed by the mark. */
  private static final class Beginnings extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final BitSet lengths;
    private char[] word = new char[32];
    private int wordLength;
    private int next = -1;

    Beginnings(TokenStream in, BitSet lengths) {
      super(in);
      this.lengths = lengths;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (next > 0 && next <= wordLength) {
        int length = next;
        next = lengths.nextSetBit(length + 1);
        if (Character.isHighSurrogate(word[length - 1])) {
          return incrementToken(); // never split a character in two
        }
        clearAttributes(); // a fresh token: a position increment left by a filter downstream must not add up
        term.copyBuffer(word, 0, length);
        term.append(MARK);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      wordLength = term.length();
      if (word.length < wordLength) {
        word = new char[wordLength];
      }
      System.arraycopy(term.buffer(), 0, word, 0, wordLength);
      next = lengths.nextSetBit(1);
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = -1;
    }
  }
}
