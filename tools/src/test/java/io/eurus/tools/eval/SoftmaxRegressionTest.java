package io.eurus.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.processor.tone.TextFeatures;
import io.eurus.processor.tone.ToneHead;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

  private static final TextFeatures FEATURES = new TextFeatures(1 << 10, false);
  private static final List<String> TEXTS = List.of("troops attacked the border", "sanctions and threats again",
      "the ministers met on tuesday", "a meeting was held in geneva", "leaders signed a trade agreement",
      "they agreed to cooperate closely", "shelling and attacks continued", "the talks took place as planned");
  private static final int[] LABELS = {-1, -1, 0, 0, 1, 1, -1, 0};

  @Test
  void shouldLearnEachTrainingSentencesClassOnSeparableData() {
    ToneHead head = head(fit(LABELS));

    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(head.estimate(null, FEATURES.of(TEXTS.get(i))).label()).as(TEXTS.get(i)).isEqualTo(LABELS[i]);
    }
  }

  @Test
  void shouldGiveByteIdenticalHeadsForTheSameData() {
    assertThat(head(fit(LABELS)).toJson()).isEqualTo(head(fit(LABELS)).toJson());
  }

  @Test
  void shouldKeepNotConflictSentencesAwayFromConflictWithoutChoosingBetweenNeutralAndCooperation() {
    int[] labels = LABELS.clone();
    labels[4] = LabelledSentence.NOT_CONFLICT;

    ToneHead head = head(fit(labels));

    assertThat(head.estimate(null, FEATURES.of(TEXTS.get(4))).conflict()).isLessThan(0.2);
  }

  private static SoftmaxRegression.Fit fit(int[] labels) {
    TextFeatures.Bag[] bags = TEXTS.stream().map(FEATURES::of).toArray(TextFeatures.Bag[]::new);
    int[] allowed = new int[labels.length];
    double[] weights = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      allowed[i] = new LabelledSentence("test", "en", "train", TEXTS.get(i), labels[i]).allowed();
      weights[i] = 1;
    }
    return SoftmaxRegression.fit(new SoftmaxRegression.Examples(null, bags, allowed, weights, 0, FEATURES.buckets()), 1e-4);
  }

  private static ToneHead head(SoftmaxRegression.Fit fit) {
    return new ToneHead("en", null, FEATURES, fit.bias(), fit.dense(), fit.sparse(), null);
  }
}
