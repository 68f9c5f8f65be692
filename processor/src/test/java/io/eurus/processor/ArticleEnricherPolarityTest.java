package io.eurus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.processor.tone.VaderPolarity;
import org.junit.jupiter.api.Test;

/** How an article's general polarity is put together: short texts whole, as VADER scores them; long ones by sentence. */
class ArticleEnricherPolarityTest {

  private static final VaderPolarity VADER = VaderPolarity.fromBundledLexicon();

  private static double whole(String text) {
    return Math.round(VADER.score(text).compound() * 1000) / 1000.0;
  }

  @Test
  void aTweetIsScoredWholeHoweverManySentencesItHas() {
    String tweet = "Long day. Rain again. Missed the bus. Lost my keys. But honestly, I love this city!!";
    assertThat(tweet.length()).isLessThanOrEqualTo(ArticleEnricher.SNIPPET_CHARACTERS);

    double polarity = Fixtures.enricher().analyse("en", null, tweet).polarity();

    // Whole (0.879), the "but" halves the complaints before it and raises the love after it; the mean of its
    // sentences would be 0.098.
    assertThat(polarity).isEqualTo(whole(tweet)).isPositive();
  }

  @Test
  void aLongBodyIsTheMeanOfItsSentencesThatCarrySentiment() {
    String good = "The delegates praised the excellent and constructive atmosphere of the meeting in Geneva today.";
    String neutral = "The meeting took place in the old hall of the palace on the shore of the lake, as in previous years.";
    String bad = "Several observers called the final statement a terrible and hollow failure of diplomacy.";
    String filler = "A further round is planned for the spring, in the same city and with the same delegations.";
    String body = String.join(" ", good, neutral, bad, filler);
    assertThat(body.length()).isGreaterThan(ArticleEnricher.SNIPPET_CHARACTERS);

    double polarity = Fixtures.enricher().analyse("en", null, body).polarity();

    assertThat(VADER.score(neutral).compound()).isZero();
    assertThat(VADER.score(filler).compound()).isZero();
    assertThat(polarity).isEqualTo(Math.round((whole(good) + whole(bad)) / 2 * 1000) / 1000.0);
  }
}
