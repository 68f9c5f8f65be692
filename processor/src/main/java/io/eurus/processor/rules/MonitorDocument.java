package io.eurus.processor.rules;

import io.eurus.processor.text.AnalysedText;
import io.eurus.processor.text.Languages;
import io.eurus.processor.text.Token;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * A text as Lucene Monitor matches it: {@code title}, and {@code text} holding the title and the body (so a rule
 * without a field searches both), each stemmed, and their unstemmed twins for wildcards — each field only when
 * some rule looks at it, and with only the words some rule can look at ({@link RuleWords}). The fields are made
 * from the words the text was already read into, not analysed again: the tokens a monitor's analyser would
 * produce, at the same positions, with offsets into {@code title + TITLE_SEPARATOR + body} for the snippets.
 */
final class MonitorDocument {

  private MonitorDocument() {
  }

  static Document of(AnalysedText text, RuleWords needed) {
    int bodyStart = text.title().isEmpty() ? 0 : text.title().length() + Snippets.TITLE_SEPARATOR.length();
    Document doc = new Document();
    for (String field : FIELDS) {
      RuleWords.FieldWords words = needed.in(field);
      if (words != null) {
        boolean title = field.startsWith(RuleQueryParser.TITLE);
        boolean exact = field.endsWith(Languages.EXACT_SUFFIX);
        doc.add(new Field(field, new Words(text, !title, bodyStart, exact, words), TextField.TYPE_NOT_STORED));
      }
    }
    return doc;
  }

  private static final List<String> FIELDS = List.of(RuleQueryParser.TITLE, RuleQueryParser.TEXT,
      RuleQueryParser.TITLE + Languages.EXACT_SUFFIX, RuleQueryParser.TEXT + Languages.EXACT_SUFFIX);

  /**
   * The words of the title (and of the body) that some rule needs, as stems or as written in lower case, each at
   * its position (the words left out still count) and with its offsets.
   */
  private static final class Words extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final AnalysedText text;
    private final boolean withBody;
    private final int bodyStart;
    private final boolean exact;
    private final RuleWords.FieldWords needed;
    private int sentence;
    private int word;

    Words(AnalysedText text, boolean withBody, int bodyStart, boolean exact, RuleWords.FieldWords needed) {
      this.text = text;
      this.withBody = withBody;
      this.bodyStart = bodyStart;
      this.exact = exact;
      this.needed = needed;
    }

    @Override
    public boolean incrementToken() {
      int skipped = 0;
      while (sentence < text.sentences().size()) {
        AnalysedText.Sentence current = text.sentences().get(sentence);
        if (!current.inTitle() && !withBody) {
          return false;
        }
        if (word >= current.tokens().size()) {
          sentence++;
          word = 0;
          continue;
        }
        Token token = current.tokens().get(word++);
        boolean keep;
        if (exact) {
          keep = needed.needsWritten(token.surface());
          if (keep) {
            term.setEmpty().append(token.surface());
            Languages.normaliseWord(term.buffer(), term.length());
          }
        } else {
          keep = needed.needs(token.stem());
          if (keep) {
            term.setEmpty().append(token.stem());
          }
        }
        if (!keep) {
          skipped++;
          continue;
        }
        int shift = current.offset() + (current.inTitle() ? 0 : bodyStart);
        offset.setOffset(shift + token.start(), shift + token.end());
        position.setPositionIncrement(1 + skipped);
        return true;
      }
      return false;
    }

    @Override
    public void reset() {
      sentence = 0;
      word = 0;
    }
  }
}
