package io.eurus.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Article;
import io.eurus.events.FeedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenItemsTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  static Article article(String id, String title) {
    return new Article(1, id, 1, "f", "Feed", "eu-media", "https://x.example/" + id, title, "summary", "text", null, "en", T0, T0);
  }

  @Test
  void newItemsArePublishedOnceAndUnchangedOnesNeverAgain() {
    SeenItems.Delta first = SeenItems.compare(List.of(), List.of(article("a", "A"), article("b", "B")), T0);
    SeenItems.Delta second = SeenItems.compare(first.seen(), List.of(article("a", "A"), article("b", "B")), T0.plusSeconds(60));

    assertThat(first.fresh()).extracting(Article::id).containsExactly("a", "b");
    assertThat(second.toPublish()).isEmpty();
  }

  @Test
  void editedItemIsTheNextRevisionOfTheSameArticle() {
    SeenItems.Delta first = SeenItems.compare(List.of(), List.of(article("a", "Talks in Geneva")), T0);
    SeenItems.Delta edited = SeenItems.compare(first.seen(), List.of(article("a", "Talks in Geneva end without deal")), T0.plusSeconds(60));
    SeenItems.Delta again = SeenItems.compare(edited.seen(), List.of(article("a", "Talks in Geneva end without deal")), T0.plusSeconds(120));

    assertThat(edited.fresh()).isEmpty();
    assertThat(edited.revised()).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo("a");
      assertThat(a.revision()).isEqualTo(2);
      assertThat(a.title()).isEqualTo("Talks in Geneva end without deal");
    });
    assertThat(again.toPublish()).isEmpty();
  }

  @Test
  void theSameItemTwiceInOneDocumentIsPublishedOnce() {
    SeenItems.Delta delta = SeenItems.compare(List.of(), List.of(article("a", "A"), article("a", "A")), T0);

    assertThat(delta.toPublish()).hasSize(1);
    assertThat(delta.seen()).hasSize(1);
  }

  @Test
  void memoryIsBoundedAndForgetsItemsThatLeftTheFeedLongestAgoFirst() {
    List<FeedState.Seen> remembered = new ArrayList<>();
    for (int i = 0; i < SeenItems.MIN_REMEMBERED + 500; i++) {
      remembered.add(new FeedState.Seen("old-" + i, "h", 1, T0.minusSeconds(i)));
    }

    SeenItems.Delta delta = SeenItems.compare(remembered, List.of(article("current", "C")), T0.plusSeconds(1));

    assertThat(delta.seen()).hasSize(SeenItems.MIN_REMEMBERED);
    assertThat(delta.seen().get(0).id()).isEqualTo("current");
    assertThat(delta.seen()).extracting(FeedState.Seen::id).contains("old-0").doesNotContain("old-" + (SeenItems.MIN_REMEMBERED + 499));
  }
}
