package io.eurus.processor.text;

import java.util.List;

/**
 * A text read once — split into sentences and words, each word stemmed — so that relevance, tone and the rules
 * all work from the same words instead of analysing the text again each.
 *
 * @param language  the configured language the text was read in, or {@link Languages#FALLBACK}
 * @param title     the title as given ("" when there is none)
 * @param body      the text below the title as given ("" when there is none)
 * @param sentences the title (when not blank) as the first sentence, then the body's sentences, in order
 */
public record AnalysedText(String language, String title, String body, List<Sentence> sentences) {

  /**
   * One sentence and its words.
   *
   * @param text    the sentence as it stands in the title or body; word offsets are relative to it
   * @param inTitle whether it is the title
   * @param offset  where it starts in the title or in the body
   */
  public record Sentence(String text, boolean inTitle, int offset, List<Token> tokens) {

    /** The sentence as it is shown: its whitespace collapsed to single spaces. */
    public String shown() {
      return Sentences.collapseWhitespace(text);
    }
  }

  public boolean hasTitle() {
    return !sentences.isEmpty() && sentences.get(0).inTitle();
  }
}
