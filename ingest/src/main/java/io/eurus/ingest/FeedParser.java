package io.eurus.ingest;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Parses RSS and Atom with Rome, from a stream, with Rome's charset detection. DOCTYPEs stay rejected
 * (Rome's default), so no external entity and no entity expansion bomb reaches the parser.
 */
public final class FeedParser {

  private FeedParser() {
  }

  public static List<SyndEntry> parse(InputStream body) throws FeedParseException {
    try (XmlReader reader = new XmlReader(body)) {
      return new SyndFeedInput().build(reader).getEntries();
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new FeedParseException(oneLine(e));
    }
  }

  private static String oneLine(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  /** A body that is not a feed, with a one-line reason. */
  public static final class FeedParseException extends Exception {
    public FeedParseException(String reason) {
      super(reason);
    }
  }
}
