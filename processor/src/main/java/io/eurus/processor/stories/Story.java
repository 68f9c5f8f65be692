package io.eurus.processor.stories;

import io.eurus.events.Article;
import io.eurus.events.StoryRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * A story: the articles that are near-duplicates of its first one (syndicated copies, lightly edited reprints).
 * Stored in the {@code stories} state store at {@link #firstSeen}; bounded: at most {@link #MAX_CARRIERS} sources
 * are listed, the rest only counted.
 *
 * @param firstSeen      event time of the article that opened the story (the store's time key)
 * @param signature      MinHash signature of that article, Base64: what copies are compared with
 * @param firstArticleId the article published first, which can arrive after a copy of it
 * @param articles       articles of the story seen, revisions of one article counted once
 * @param carriers       one entry per source carrying the story, in the order they picked it up
 * @param moreSources    sources beyond the listed carriers
 */
public record Story(
    String id,
    long firstSeen,
    String signature,
    String title,
    String url,
    String firstArticleId,
    String firstSource,
    long firstPublished,
    int articles,
    List<Carrier> carriers,
    int moreSources) {

  static final int MAX_CARRIERS = 64;

  /**
   * A source carrying the story, with its first article of it.
   *
   * @param relevant whether that article is about the watched relationship; a later relevant article of the
   *                 same source takes its place, so the series count the story where it is relevant
   * @param at       event time of the source's first article of the story, epoch ms: how fast the story spreads
   */
  public record Carrier(String source, String bloc, String language, String articleId, boolean relevant, long at) {
  }

  /** Sources named in a story's reference for people; the rest are counted. */
  static final int NAMED_SOURCES = 10;

  public Story {
    carriers = carriers == null ? List.of() : List.copyOf(carriers);
  }

  /** The id of a story opened by {@code articleId}: {@code a-3f1c…} opens {@code s-3f1c…}. */
  public static String idFor(String articleId) {
    return "s-" + (articleId.startsWith("a-") ? articleId.substring(2) : articleId);
  }

  /** A story of one article that is not stored (it came later than the horizon): what an alert can say of it. */
  public static Story alone(Article article, boolean relevant, long eventTime) {
    return open(article, relevant, eventTime, null);
  }

  static Story open(Article article, boolean relevant, long eventTime, int[] signature) {
    return new Story(idFor(article.id()), eventTime, signature == null ? null : MinHash.encode(signature),
        article.title(), article.url(), article.id(), sourceOf(article), eventTime, 1,
        List.of(carrier(article, relevant, eventTime)), 0);
  }

  /** The story with one more article: a copy, or a later version of one it has. */
  Story with(Article article, boolean relevant, long eventTime) {
    List<Carrier> next = new ArrayList<>(carriers);
    int more = moreSources;
    boolean known = false;
    String source = sourceOf(article);
    for (int i = 0; i < next.size(); i++) {
      Carrier carrier = next.get(i);
      if (carrier.source().equals(source)) {
        known = true;
        if (relevant && !carrier.relevant()) {
          next.set(i, carrier(article, true, carrier.at()));
        }
      }
    }
    boolean repeat = article.revision() > 1 || next.stream().anyMatch(c -> c.articleId().equals(article.id()));
    if (!known) {
      if (next.size() < MAX_CARRIERS) {
        next.add(carrier(article, relevant, eventTime));
      } else {
        more++;
      }
    }
    boolean earlier = eventTime < firstPublished;
    return new Story(id, firstSeen, signature, earlier ? article.title() : title, earlier ? article.url() : url,
        earlier ? article.id() : firstArticleId, earlier ? source : firstSource,
        earlier ? eventTime : firstPublished, repeat ? articles : articles + 1, next, more);
  }

  int[] signatureValues() {
    return signature == null ? null : MinHash.decode(signature);
  }

  /** Distinct sources carrying the story. */
  public int sources() {
    return carriers.size() + moreSources;
  }

  /**
   * Whether {@code articleId} is the story's first relevant article among the carriers that {@code series}
   * accepts: then it counts as a new story in that series, and any other article as a copy.
   */
  public boolean firstInSeries(String articleId, Predicate<Carrier> series) {
    return carriers.stream().filter(Carrier::relevant).filter(series).findFirst()
        .map(carrier -> carrier.articleId().equals(articleId)).orElse(false);
  }

  /**
   * How many sources picked the story up within {@code within} of the first one that did: how fast it spread, as
   * EMM judges breaking news. Sources beyond the listed carriers are not counted (they are past 64 already).
   */
  public int sourcesWithin(long within) {
    long first = carriers.stream().mapToLong(Carrier::at).min().orElse(firstSeen);
    return (int) carriers.stream().filter(carrier -> carrier.at() - first <= within).count();
  }

  /** When the latest of its sources picked it up, epoch ms. */
  public long lastSeen() {
    return carriers.stream().mapToLong(Carrier::at).max().orElse(firstSeen);
  }

  public StoryRef ref() {
    LinkedHashSet<String> blocs = new LinkedHashSet<>();
    LinkedHashSet<String> languages = new LinkedHashSet<>();
    carriers.forEach(carrier -> {
      blocs.add(carrier.bloc());
      languages.add(carrier.language());
    });
    blocs.remove(null);
    languages.remove(null);
    List<String> names = carriers.stream().limit(NAMED_SOURCES).map(Carrier::source).toList();
    return new StoryRef(id, title, url, firstSource, Instant.ofEpochMilli(firstPublished), articles, sources(),
        List.copyOf(blocs), names, List.copyOf(languages), Instant.ofEpochMilli(lastSeen()));
  }

  private static Carrier carrier(Article article, boolean relevant, long at) {
    return new Carrier(sourceOf(article), article.bloc(), article.language(), article.id(), relevant, at);
  }

  private static String sourceOf(Article article) {
    if (article.source() != null && !article.source().isBlank()) {
      return article.source();
    }
    return article.feedId() != null ? article.feedId() : "unknown source";
  }
}
