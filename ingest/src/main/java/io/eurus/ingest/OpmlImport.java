package io.eurus.ingest;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import io.eurus.events.FeedDefinition;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.Reader;
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
    WireFeed wire;
    try (Reader reader = Files.newBufferedReader(file)) {
      WireFeedInput input = new WireFeedInput();
      input.setXmlHealerOn(false);
      wire = input.build(reader);
    } catch (NoSuchFileException e) {
      throw new StartupException("no such file: " + file);
    } catch (IOException | FeedException | IllegalArgumentException e) {
      throw new StartupException(file + " is not an OPML file: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip());
    }
    if (!(wire instanceof Opml opml)) {
      throw new StartupException(file + " is a feed (" + wire.getFeedType() + "), not an OPML subscription list");
    }
    List<FeedDefinition> feeds = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    walk(opml.getOutlines(), defaultBloc, language, interval, new HashSet<>(), feeds, skipped);
    return new Result(List.copyOf(feeds), List.copyOf(skipped));
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
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        skipped.add("'" + (name == null ? url : name) + "': xmlUrl '" + url + "' is not an http(s) URL");
        continue;
      }
      String base = slug(name);
      if (base.isEmpty()) {
        base = slug(java.net.URI.create(url).getHost()); // a title in Cyrillic has no ASCII slug
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

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b == null || b.isBlank() ? null : b.strip();
  }
}
