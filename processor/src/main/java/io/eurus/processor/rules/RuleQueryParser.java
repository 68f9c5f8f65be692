package io.eurus.processor.rules;

import io.eurus.processor.text.Languages;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query parser, searching {@code text} (the title and the body) by default, with one twist: wildcard, prefix, fuzzy
 * and regexp terms go to the unstemmed twin of their field. Stemmed "санкции" is "санкц", which {@code санкци*}
 * would never reach; in the unstemmed field it finds "санкции", "санкций", "санкциями".
 */
final class RuleQueryParser extends QueryParser {

  /** {@code text} holds the title and the body, so a query without a field searches both at once. */
  static final String TEXT = "text";
  static final String TITLE = "title";
  static final List<String> FIELDS = List.of(TITLE, TEXT);

  RuleQueryParser(Analyzer analyzer) {
    super(TEXT, analyzer);
    setAllowLeadingWildcard(false);
  }

  /** Parses one rule's query, or explains where it stops making sense. */
  static Query parse(String query, Analyzer analyzer) throws RuleSyntaxException {
    try {
      return new RuleQueryParser(analyzer).parse(query);
    } catch (ParseException e) {
      throw new RuleSyntaxException(describe(e));
    } catch (RuntimeException e) {
      throw new RuleSyntaxException(String.valueOf(e.getMessage()));
    }
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return super.getWildcardQuery(exact(field), termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return super.getPrefixQuery(exact(field), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return super.getFuzzyQuery(exact(field), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(exact(field), termStr);
  }

  private static String exact(String field) {
    return field == null || field.endsWith(Languages.EXACT_SUFFIX) ? field : field + Languages.EXACT_SUFFIX;
  }

  /** "column 14: Encountered ")" …" from the parser's own position, on one line. */
  private static String describe(ParseException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof ParseException parse && parse.currentToken != null) {
      Token next = parse.currentToken.next != null ? parse.currentToken.next : parse.currentToken;
      String found = next.kind == 0 ? "end of query" : "'" + next.image + "'";
      return "cannot parse the query at line " + next.beginLine + ", column " + next.beginColumn + ": unexpected " + found;
    }
    if (cause instanceof TokenMgrError lexical) {
      return "cannot parse the query: " + oneLine(lexical.getMessage());
    }
    return "cannot parse the query: " + oneLine(e.getMessage());
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** A query that does not parse, with the parser's position. */
  static final class RuleSyntaxException extends Exception {
    RuleSyntaxException(String message) {
      super(message);
    }
  }
}
