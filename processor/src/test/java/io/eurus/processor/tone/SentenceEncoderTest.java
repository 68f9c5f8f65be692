package io.eurus.processor.tone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The word pieces behind a sentence's vector: what explanations guess from. */
class SentenceEncoderTest {

  private static SentenceEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = SentenceEncoder.bgeSmall();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void piecesGiveTheSentenceTheVectorItsEncodingGives() {
    String sentence = "Russia expelled three EU diplomats.";

    float[] pooled = encoder.pieces(sentence).vector();

    assertThat(pooled).containsExactly(encoder.encode(List.of(sentence))[0]);
  }

  @Test
  void aSentencesVectorIsTheSameWhateverElseIsEncodedInTheSameCall() {
    String sentence = "Russia expelled three EU diplomats.";
    String longer = "The Council extended the economic sanctions for another six months after a long debate among the member "
        + "states about their effect on the economy and on the war.";

    float[] alone = encoder.encode(List.of(sentence))[0];
    float[] beside = encoder.encode(List.of(longer, sentence, "Talks resumed."))[1];

    assertThat(beside).containsExactly(alone);
  }

  @Test
  void shouldPlaceEachPieceInTheTextInCharsPastAnEmoji() {
    String sentence = "Moscow 😀 expelled “three” Mélenchon’s diplomats.";

    SentenceEncoder.Pieces pieces = encoder.pieces(sentence);

    List<String> texts = new ArrayList<>();
    for (int t = 0; t < pieces.starts().length; t++) {
      if (pieces.starts()[t] >= 0) {
        texts.add(sentence.substring(pieces.starts()[t], pieces.ends()[t]));
      }
    }
    assertThat(texts).contains("expelled", "diplomats", "three", "chon");
    assertThat(pieces.starts()[0]).isEqualTo(-1); // [CLS] stands nowhere in the text
  }

  @Test
  void shouldLeaveOutOnlyTheWordsOwnPieces() {
    String sentence = "Russia expelled three EU diplomats.";
    SentenceEncoder.Pieces pieces = encoder.pieces(sentence);
    int from = sentence.indexOf("expelled");

    float[] without = pieces.without(from, from + "expelled".length());

    assertThat(without).isNotEqualTo(pieces.vector());
    assertThat(pieces.without(sentence.length(), sentence.length())).containsExactly(pieces.vector());
  }
}
