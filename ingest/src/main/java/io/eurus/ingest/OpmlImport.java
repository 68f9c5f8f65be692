package io.eurus.ingest;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import io.eurus.events.FeedDefinition;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;

/**
 * Turns an OPML subscription list (what feed readers export) into Eurus feed definitions, with rome-opml.
 * Every outline with an {@code xmlUrl} becomes a feed; the nearest enclosing folder names its bloc (so an
 * OPML organised in folders such as "russia-state" keeps its blocs), else the given default.
 */
public final class OpmlImport {

  /** The feeds found, and one line per outline that could not be used. */
  public record Result(List<FeedDefinition> feeds, List<String> skipped) {
  }

  private OpmlImport() {
  }

  public static Result read(Path file, String defaultBloc, String language, Duration interval) {
    Opml opml = opml(file);
    List<FeedDefinition> feeds = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    walk(opml.getOutlines(), defaultBloc, language, interval, new HashSet<>(), feeds, skipped);
    return new Result(List.copyOf(feeds), List.copyOf(skipped));
  }

  /**
   * Reads the file with Rome's own XML reader settings (no DOCTYPE, no external entities) and its charset
   * detection, then lets rome-opml build the outline tree.
   */
  private static Opml opml(Path file) {
    SecureInput input = new SecureInput();
    Document document;
    try (InputStream in = Files.newInputStream(file)) {
      document = input.read(new XmlReader(in, true));
    } catch (NoSuchFileException e) {
      throw new StartupException("no such file: " + file);
    } catch (IOException | JDOMException e) {
      String reason = oneLine(e.getMessage());
      throw new StartupException(file + " is not an OPML file: " + (reason.contains("DOCTYPE is disallowed")
          ? "DOCTYPE declarations are refused (no external entities, no entity expansion)" : "not well-formed XML: " + reason));
    }
    readOtherVersionsAsKnownOnes(document.getRootElement());
    WireFeed wire;
    try {
      wire = input.build(document);
    } catch (IllegalArgumentException e) {
      throw new StartupException(file + " is not an OPML file (root element <" + document.getRootElement().getQualifiedName() + ">)");
    } catch (FeedException | RuntimeException e) {
      // rome-opml reads a document without <body> (or other required parts) into a NullPointerException
      throw new StartupException(file + " is not an OPML file rome-opml can read: "
          + (e instanceof NullPointerException ? "a required element (head, body) is missing" : oneLine(e.getMessage())));
    }
    if (!(wire instanceof Opml opml)) {
      throw new StartupException(file + " is a feed (" + wire.getFeedType() + "), not an OPML subscription list");
    }
    return opml;
  }

  /**
   * rome-opml reads versions 1.0 and 2.0 only, but feed readers also write 1.1 (NetNewsWire, Radio UserLand)
   * and other labels; for a subscription list (outlines with xmlUrl) they are all 1.0 or 2.0.
   */
  private static void readOtherVersionsAsKnownOnes(Element root) {
    String version = root.getAttributeValue("version");
    if ("opml".equals(root.getName()) && version != null && !version.equals("1.0") && !version.equals("2.0")) {
      root.setAttribute("version", version.startsWith("2") ? "2.0" : "1.0");
    }
  }

  /** Rome's WireFeedInput, for its secure SAX builder (DOCTYPEs refused, no external entities). */
  private static final class SecureInput extends WireFeedInput {
    SecureInput() {
      setXmlHealerOn(false);
      setAllowDoctypes(false);
    }

    Document read(Reader reader) throws IOException, JDOMException {
      return createSAXBuilder().build(reader);
    }
  }

  private static void walk(List<Outline> outlines, String bloc, String language, Duration interval, Set<String> ids,
      List<FeedDefinition> feeds, List<String> skipped) {
    for (Outline outline : outlines) {
      String name = firstNonBlank(outline.getTitle(), outline.getText());
      String url = outline.getXmlUrl();
      if (url == null || url.isBlank()) {
        String folder = slug(name);
        walk(outline.getChildren(), folder.isEmpty() ? bloc : folder, language, interval, ids, feeds, skipped);
        continue;
      }
      url = url.trim();
      String host = httpHost(url);
      if (host == null) {
        skipped.add("'" + (name == null ? url : name) + "': xmlUrl '" + url + "' is not an http(s) URL");
        continue;
      }
      String base = slug(name);
      if (base.isEmpty()) {
        base = slug(host); // a title in Cyrillic has no ASCII slug
      }
      if (base.isEmpty()) {
        base = "feed";
      }
      String id = base;
      for (int n = 2; !ids.add(id); n++) {
        id = base + "-" + n;
      }
      String lang = outline.getAttributeValue("language");
      lang = lang != null && lang.matches("[a-zA-Z]{2}([-_].*)?") ? lang.substring(0, 2).toLowerCase(Locale.ROOT) : language;
      feeds.add(new FeedDefinition(FeedDefinition.SCHEMA_VERSION, id, url, name == null ? id : name.strip(), bloc, lang, interval, false));
      walk(outline.getChildren(), bloc, language, interval, ids, feeds, skipped);
    }
  }

  /** A feed id or bloc from a title: lowercase ASCII letters, digits and dashes, at most 48 characters. */
  static String slug(String text) {
    if (text == null) {
      return "";
    }
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.length() > 48 ? slug.substring(0, 48).replaceAll("-+$", "") : slug;
  }

  /** The host of an http(s) URL, null when {@code url} is not one. */
  private static String httpHost(String url) {
    try {
      URI uri = new URI(url);
      boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return http && uri.getHost() != null ? uri.getHost() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("\\s+", " ").strip();
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b == null || b.isBlank() ? null : b.strip();
  }
}
