package io.eurus.ingest.poll;

import io.eurus.events.Article;
import io.eurus.events.FeedState;
import io.eurus.ingest.parse.Articles;
import io.eurus.ingest.parse.FeedItemMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which items of a poll to publish: the ones never seen (revision 1) and the ones whose title, summary or
 * text changed (the next revision of the same article). The memory is bounded: items that left the feed
 * are forgotten oldest first once more than {@link #MIN_REMEMBERED} (or three feeds' worth) are kept, far
 * more than any feed shows at once, so an item only comes back as new if it reappears after that.
 */
public final class SeenItems {

  static final int MIN_REMEMBERED = 1000;

  private SeenItems() {
  }

  /**
   * @param fresh   items never seen, revision 1
   * @param revised items seen before whose content changed, with their next revision
   * @param seen    the memory after this poll, most recently seen first
   */
  public record Delta(List<Article> fresh, List<Article> revised, List<FeedState.Seen> seen) {

    public List<Article> toPublish() {
      List<Article> all = new ArrayList<>(fresh);
      all.addAll(revised);
      return all;
    }
  }

  public static Delta compare(List<FeedState.Seen> remembered, List<Article> current, Instant now) {
    Map<String, FeedState.Seen> byId = new LinkedHashMap<>();
    remembered.forEach(seen -> byId.put(seen.id(), seen));
    List<Article> fresh = new ArrayList<>();
    List<Article> revised = new ArrayList<>();
    Set<String> inFeed = new HashSet<>();
    for (Article article : current) {
      if (!inFeed.add(article.id())) {
        continue; // the same item twice in one document: the first wins
      }
      String hash = FeedItemMapper.contentHash(article);
      FeedState.Seen before = byId.get(article.id());
      if (before == null) {
        fresh.add(Articles.withRevision(article, 1));
        byId.put(article.id(), new FeedState.Seen(article.id(), hash, 1, now));
      } else if (!before.hash().equals(hash)) {
        int revision = before.revision() + 1;
        revised.add(Articles.withRevision(article, revision));
        byId.put(article.id(), new FeedState.Seen(article.id(), hash, revision, now));
      } else {
        byId.put(article.id(), new FeedState.Seen(article.id(), hash, before.revision(), now));
      }
    }
    List<FeedState.Seen> seen = new ArrayList<>(byId.values());
    seen.sort(Comparator.comparing(FeedState.Seen::lastSeen).reversed());
    int keep = Math.max(MIN_REMEMBERED, 3 * inFeed.size());
    return new Delta(fresh, revised, seen.size() > keep ? List.copyOf(seen.subList(0, keep)) : seen);
  }
}
