package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.cli.demo.DemoFeeds;
import io.eurus.ingest.parse.LanguageGuesser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Language detection on news prose in both languages of the desk: the demo items, written as real news. */
class DemoItemLanguageTest {

  @Test
  void noDemoItemGetsAWrongLanguageAndFewAreLeftUndecidedWithoutAHint() {
    LanguageGuesser languages = LanguageGuesser.shared();
    List<String> wrong = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    int items = 0;
    for (DemoFeeds.Feed feed : DemoFeeds.bundled().feeds()) {
      for (DemoFeeds.Item item : feed.items()) {
        items++;
        String guessed = languages.guess(item.title() + ". " + item.summary(), null);
        if (guessed.equals("und")) {
          undecided.add(item.title()); // in ingest the feed's hint decides these
        } else if (!guessed.equals(feed.language())) {
          wrong.add(feed.id() + ": " + guessed + " for '" + item.title() + "'");
        }
      }
    }
    assertThat(items).isGreaterThan(60);
    assertThat(wrong).isEmpty();
    assertThat(undecided.size()).as("undecided: %s", undecided).isLessThanOrEqualTo(items / 25);
  }
}
