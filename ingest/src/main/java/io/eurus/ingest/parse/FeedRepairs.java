package io.eurus.ingest.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The lenient reader's repairs for common real-world breakage. Each repair is applied only when needed
 * and named in the list it is given, so the feed's status can say what was wrong. DOCTYPEs are never
 * touched: a feed with one is rejected before it gets here.
 */
final class FeedRepairs {

  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
  private static final Pattern CDATA = Pattern.compile("(?s)<!\\[CDATA\\[.*?]]>");
  private static final Pattern AMPERSAND = Pattern.compile("&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)?");
  private static final Pattern XML_DECLARATION = Pattern.compile("^<\\?xml[^>]*\\?>");
  private static final Pattern DECLARED_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
  private static final List<String> XML_ENTITIES = List.of("amp", "lt", "gt", "quot", "apos");
  /** Text before the prolog longer than this is not a stray warning: the body is something else. */
  private static final int MAX_JUNK = 2048;

  private FeedRepairs() {
  }

  static boolean hasDoctype(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.ISO_8859_1);
    return DOCTYPE.matcher(head).find();
  }

  /** The repaired text of {@code body}; {@code repairs} gets one entry per repair made. */
  static String repair(byte[] body, String contentType, List<String> repairs) {
    String text = decode(body, contentType, repairs);
    text = stripBeforeProlog(text, repairs);
    text = escapeAmpersands(text, repairs);
    Matcher control = CONTROL.matcher(text);
    if (control.find()) {
      repairs.add("control characters not allowed in XML removed");
      text = control.replaceAll("");
    }
    return text;
  }

  /**
   * The name of the declared single-byte charset when the body is in fact UTF-8 (valid UTF-8 with
   * multi-byte sequences), else null. Genuine single-byte text is almost never valid multi-byte UTF-8.
   */
  static String utf8LabelledAsSingleByte(byte[] body, String contentType) {
    String declared = declaredEncoding(body, contentType);
    if (declared == null) {
      return null;
    }
    String upper = declared.toUpperCase(Locale.ROOT);
    boolean singleByte = upper.startsWith("ISO-8859") || upper.startsWith("WINDOWS-125") || upper.startsWith("CP125")
        || upper.equals("KOI8-R") || upper.equals("LATIN1") || upper.equals("US-ASCII");
    if (!singleByte || !hasMultiByteSequences(body)) {
      return null;
    }
    return isValid(body, StandardCharsets.UTF_8) ? declared : null;
  }

  private static String declaredEncoding(byte[] body, String contentType) {
    if (contentType != null) {
      Matcher charset = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE).matcher(contentType);
      if (charset.find()) {
        return charset.group(1);
      }
    }
    String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
    Matcher declaration = XML_DECLARATION.matcher(head.stripLeading());
    if (declaration.find()) {
      Matcher encoding = DECLARED_ENCODING.matcher(declaration.group());
      return encoding.find() ? encoding.group(1) : null;
    }
    return null;
  }

  /**
   * Whether the body's bytes contradict its declared charset: UTF-8 labelled as a single-byte charset, or
   * bytes that are not valid in the charset Rome detects. Rome would not fail on either; it would garble
   * every non-ASCII letter.
   */
  static boolean wrongCharset(byte[] body, String contentType) {
    return utf8LabelledAsSingleByte(body, contentType) != null || !isValid(body, charsetOrUtf8(detectedEncoding(body, contentType)));
  }

  private static String detectedEncoding(byte[] body, String contentType) {
    try (XmlReader reader = contentType == null ? new XmlReader(new ByteArrayInputStream(body), true)
        : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      return reader.getEncoding();
    } catch (IOException e) {
      return "UTF-8";
    }
  }

  private static Charset charsetOrUtf8(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static String decode(byte[] body, String contentType, List<String> repairs) {
    String detected = detectedEncoding(body, contentType);
    boolean utf8Bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    if (utf8Bom && !detected.equalsIgnoreCase("UTF-8") && isValid(body, StandardCharsets.UTF_8)) {
      repairs.add("declared charset " + detected + " contradicts the UTF-8 byte-order mark; read as UTF-8");
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    String mislabelled = utf8LabelledAsSingleByte(body, contentType);
    if (mislabelled != null) {
      repairs.add("declared charset " + mislabelled + " is wrong; read as UTF-8");
      return new String(body, StandardCharsets.UTF_8);
    }
    Charset charset = charsetOrUtf8(detected);
    if (isValid(body, charset)) {
      return new String(body, charset);
    }
    Charset guess = guessSingleByte(body);
    repairs.add("declared charset " + detected + " is wrong; read as " + guess.name());
    return new String(body, guess);
  }

  /** Cyrillic in windows-1251 comes in runs of high bytes (whole words); Latin-1 text has them one at a time. */
  private static Charset guessSingleByte(byte[] body) {
    int runs = 0;
    int run = 0;
    for (byte b : body) {
      if ((b & 0xFF) >= 0xC0) {
        run++;
        if (run == 3) {
          runs++;
        }
      } else {
        run = 0;
      }
    }
    return runs >= 3 ? Charset.forName("windows-1251") : Charset.forName("windows-1252");
  }

  private static boolean hasMultiByteSequences(byte[] body) {
    for (byte b : body) {
      if ((b & 0xE0) == 0xC0 || (b & 0xF0) == 0xE0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isValid(byte[] body, Charset charset) {
    try {
      charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Anything before an XML declaration (it must come first), or text before the first markup. */
  private static String stripBeforeProlog(String text, List<String> repairs) {
    int start = text.indexOf("<?xml");
    if (start < 0) {
      start = text.indexOf('<');
    }
    if (start <= 0) {
      return text;
    }
    String before = text.substring(0, start);
    if (before.length() > MAX_JUNK) {
      return text;
    }
    String withoutBom = before.replace("\uFEFF", "");
    if (withoutBom.isBlank()) {
      repairs.add(before.contains("\uFEFF") ? "byte-order mark and whitespace before the XML prolog removed"
          : "whitespace before the XML prolog removed");
    } else {
      repairs.add(before.length() + " characters of text before the XML prolog removed");
    }
    return text.substring(start);
  }

  /** Escapes a bare {@code &} and turns HTML-only entities into character references; CDATA stays as is. */
  private static String escapeAmpersands(String text, List<String> repairs) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    Matcher cdata = CDATA.matcher(text);
    int from = 0;
    int[] counts = new int[2];
    while (cdata.find()) {
      escapeSegment(text.substring(from, cdata.start()), out, counts);
      out.append(cdata.group());
      from = cdata.end();
    }
    escapeSegment(text.substring(from), out, counts);
    if (counts[0] > 0) {
      repairs.add(counts[0] + " unescaped '&' escaped");
    }
    if (counts[1] > 0) {
      repairs.add(counts[1] + " HTML entities (such as &nbsp;) replaced by characters");
    }
    return counts[0] + counts[1] == 0 ? text : out.toString();
  }

  private static void escapeSegment(String segment, StringBuilder out, int[] counts) {
    Matcher amp = AMPERSAND.matcher(segment);
    while (amp.find()) {
      String reference = amp.group(1);
      String replacement;
      if (reference == null) {
        counts[0]++;
        replacement = "&amp;";
      } else if (reference.startsWith("#") || XML_ENTITIES.contains(reference.substring(0, reference.length() - 1))) {
        replacement = amp.group();
      } else {
        String name = reference.substring(0, reference.length() - 1);
        if (Entities.isNamedEntity(name)) {
          counts[1]++;
          StringBuilder chars = new StringBuilder();
          Entities.getByName(name).codePoints().forEach(cp -> chars.append("&#").append(cp).append(';'));
          replacement = chars.toString();
        } else {
          counts[0]++;
          replacement = "&amp;" + reference;
        }
      }
      amp.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    amp.appendTail(out);
  }
}
