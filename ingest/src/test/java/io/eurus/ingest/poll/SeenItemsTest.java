package io.eurus.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Article;
import io.eurus.events.FeedState;
import io.eurus.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenItemsTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  static Article article(String id, String title) {
    return Article.builder()
        .schemaVersion(1)
        .id(id)
        .revision(1)
        .feedId("f")
        .source("Feed")
        .bloc("eu-media")
        .url("https://x.example/" + id)
        .title(title)
        .summary("summary")
        .text("text")
        .language("en")
        .published(T0)
        .fetched(T0)
        .build();
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

  @Test
  void aFeedsMemoryStaysAtThreeDocumentsOrFiftyItemsHoweverLongItIsPolled() {
    List<FeedState.Seen> small = List.of();
    List<FeedState.Seen> large = List.of();
    for (int poll = 0; poll < 2_000; poll++) { // one new item per poll, the oldest leaves the document
      small = SeenItems.compare(small, document(poll, 15), T0.plusSeconds(poll)).seen();
      large = SeenItems.compare(large, document(poll, 100), T0.plusSeconds(poll)).seen();
    }
    FeedState state = FeedState.builder()
        .schemaVersion(1)
        .feedId("f")
        .etag("\"etag\"")
        .seen(small)
        .recentItems(List.of())
        .lastSuccess(T0)
        .consecutiveFailures(0)
        .malformed(false)
        .build();

    assertThat(small).hasSize(50);
    assertThat(large).hasSize(300);
    assertThat(Topics.INGEST_STATE.valueSerde().serializer().serialize("ingest.state", state).length)
        .as("bytes of the feed's state record").isLessThan(6_000);
  }

  /** The items of a feed document at {@code poll}: the newest {@code size}, item n published at poll n. */
  private static List<Article> document(int poll, int size) {
    List<Article> items = new ArrayList<>();
    for (int n = poll + size - 1; n >= poll; n--) {
      items.add(article("a-" + n, "Item " + n));
    }
    return items;
  }
}
