package io.eurus.ingest.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RSS and Atom with Rome, with Rome's charset detection ({@link XmlReader}: BOM, XML declaration and
 * the HTTP Content-Type). DOCTYPEs stay rejected (Rome's default), so no external entity and no entity
 * expansion bomb reaches the parser.
 *
 * <p>A body that is not well-formed gets one second chance through {@link FeedRepairs}, which fixes the
 * breakage real news sites publish (a BOM or whitespace before the prolog, a wrong declared charset, an
 * unescaped {@code &}, HTML entities such as {@code &nbsp;}, control characters). What was repaired is
 * returned so that the feed is marked malformed; anything else is rejected with a one-line reason.
 */
public final class FeedParser {

  private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w:.-]*)");

  private FeedParser() {
  }

  /**
   * @param contentType the HTTP Content-Type, whose charset Rome weighs against the XML declaration; null for files
   */
  public static ParsedFeed parse(byte[] body, String contentType) throws FeedParseException {
    if (body.length == 0) {
      throw new FeedParseException("empty body");
    }
    if (FeedRepairs.wrongCharset(body, contentType)) {
      // Strictly this parses, but every non-ASCII letter would come out garbled.
      try {
        return lenient(body, contentType, null);
      } catch (FeedParseException repairDidNotHelp) {
        // read it as declared, below
      }
    }
    try {
      return new ParsedFeed(accept(strictInput().build(strictReader(body, contentType))), List.of());
    } catch (FeedException | IOException | RuntimeException strictFailure) {
      if (FeedRepairs.hasDoctype(body)) {
        // Nothing with a DOCTYPE is parsed; a web page served instead of the feed is named for what it is.
        throw new FeedParseException(isHtml(body) ? "not an RSS or Atom feed" + rootElement(body)
            : "DOCTYPE declarations are refused (no external entities, no entity expansion)");
      }
      String reason = reason(strictFailure, body);
      try {
        return lenient(body, contentType, reason);
      } catch (FeedParseException stillBroken) {
        throw new FeedParseException(reason);
      }
    }
  }

  private static ParsedFeed lenient(byte[] body, String contentType, String strictReason) throws FeedParseException {
    List<String> repairs = new ArrayList<>();
    String text = FeedRepairs.repair(body, contentType, repairs);
    if (repairs.isEmpty()) {
      throw new FeedParseException(strictReason);
    }
    try {
      return new ParsedFeed(accept(strictInput().build(new StringReader(text))), repairs);
    } catch (FeedException | RuntimeException e) {
      throw new FeedParseException(reason(e, body));
    }
  }

  private static Reader strictReader(byte[] body, String contentType) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return contentType == null ? new XmlReader(in, true) : new XmlReader(in, contentType, true);
  }

  /** Rome with its own "healer" off: we repair explicitly, so that a repaired feed is known to be malformed. */
  private static SyndFeedInput strictInput() {
    SyndFeedInput input = new SyndFeedInput();
    input.setXmlHealerOn(false);
    input.setAllowDoctypes(false);
    return input;
  }

  // rome-opml is on the classpath for the OPML import, so Rome would also read a subscription list.
  private static SyndFeed accept(SyndFeed feed) throws FeedException {
    if (feed.getFeedType() != null && feed.getFeedType().toLowerCase(Locale.ROOT).startsWith("opml")) {
      throw new FeedException("an OPML subscription list, not a feed (import it with 'eurus feed import-opml')");
    }
    return feed;
  }

  static String reason(Exception e, byte[] body) {
    String message = rootMessage(e);
    if (message.contains("DOCTYPE is disallowed")) {
      return "DOCTYPE declarations are refused (no external entities, no entity expansion)";
    }
    if (e instanceof IllegalArgumentException && message.startsWith("Invalid document")) {
      return "not an RSS or Atom feed" + rootElement(body);
    }
    if (e instanceof ParsingFeedException parsing && parsing.getLineNumber() > 0) {
      return "not well-formed XML at line " + parsing.getLineNumber() + ", column " + parsing.getColumnNumber() + ": " + message;
    }
    if (e instanceof java.io.UnsupportedEncodingException || e instanceof java.nio.charset.UnsupportedCharsetException) {
      return "unknown charset " + message;
    }
    if (e instanceof NullPointerException || e.getCause() instanceof NullPointerException) {
      return "not a feed Rome can read: a required element is missing" + rootElement(body);
    }
    if (e instanceof RuntimeException && !(e instanceof IllegalArgumentException && message.startsWith("Invalid document"))) {
      return "a value Rome cannot read: " + message;
    }
    return message;
  }

  /** Whether the body's root element is {@code <html>} (read without parsing: it carries a DOCTYPE). */
  private static boolean isHtml(byte[] body) {
    return rootElement(body).toLowerCase(Locale.ROOT).equals(" (root element <html>)");
  }

  private static String rootElement(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher m = ROOT.matcher(head.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<[?!][^>]*>", ""));
    return m.find() ? " (root element <" + m.group(1) + ">)" : "";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    String message = e.getMessage();
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root.getMessage() != null) {
        message = root.getMessage();
      }
    }
    if (message == null) {
      message = root.getClass().getSimpleName();
    }
    return message.replaceAll("\\s+", " ").strip();
  }

  /** A body that is not a feed, with a one-line reason. */
  public static final class FeedParseException extends Exception {
    public FeedParseException(String reason) {
      super(reason);
    }
  }
}
