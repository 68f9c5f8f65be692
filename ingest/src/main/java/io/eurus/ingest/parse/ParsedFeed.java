package io.eurus.ingest.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.util.List;

/**
 * A feed that Rome read, with what had to be repaired first (empty when the body was well-formed).
 *
 * @param repairs each repair in plain words, e.g. "unescaped '&' escaped"
 */
public record ParsedFeed(SyndFeed feed, List<String> repairs) {

  public ParsedFeed {
    repairs = List.copyOf(repairs);
  }

  public List<SyndEntry> entries() {
    return feed.getEntries();
  }

  /** Whether the body needed repairs before it parsed: shown as "malformed" in the feed's status. */
  public boolean malformed() {
    return !repairs.isEmpty();
  }

  /** The repairs in one line, null when there were none. */
  public String recovered() {
    return repairs.isEmpty() ? null : String.join("; ", repairs);
  }
}
