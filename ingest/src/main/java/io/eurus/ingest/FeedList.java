package io.eurus.ingest;

import io.eurus.events.FeedDefinition;
import io.eurus.platform.config.ConfigFile;
import io.eurus.platform.config.Durations;
import io.eurus.platform.config.Problems;
import io.eurus.platform.config.Validated;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The feeds to poll, from YAML. Every problem in the file is reported at once, each with its feed id.
 *
 * <pre>
 * feeds:
 *   - id: eeas-press
 *     url: https://www.eeas.europa.eu/...
 *     name: EEAS press material
 *     bloc: eu-institutions
 *     language: en
 *     pollInterval: 10m      # 30s, 10m, 1h or ISO-8601 (PT10M)
 *     fullText: false
 * </pre>
 */
public final class FeedList {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final ConfigFile<File> FILE = ConfigFile.of("feed list", File.class)
      .namingItems("feeds", "id", "feed");

  private FeedList() {
  }

  /** The file as written: what the operator may set, each feed checked with its id. */
  record File(List<Entry> feeds) implements Validated {

    @Override
    public void validate(Problems at) {
      if (feeds == null) {
        at.add("has no 'feeds:' list");
        return;
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < feeds.size(); i++) {
        Entry feed = feeds.get(i);
        if (feed == null) {
          at.named("feed #" + (i + 1)).add("is empty");
          continue;
        }
        String id = feed.id() == null ? "" : feed.id().strip();
        Problems here = at.named("feed " + (id.isEmpty() ? "#" + (i + 1) : id));
        if (!SLUG.matcher(id).matches()) {
          here.add("id must be a lowercase slug (a-z, 0-9, '.', '_', '-')");
        } else if (!ids.add(id)) {
          here.add("id is used twice");
        }
        feed.validate(here);
      }
    }

    List<FeedDefinition> definitions() {
      return feeds.stream().map(Entry::definition).toList();
    }
  }

  /** One feed as written; optional values are null. */
  record Entry(String id, String url, String name, String bloc, String language, Duration pollInterval, Boolean fullText)
      implements Validated {

    @Override
    public void validate(Problems at) {
      at.check(isFeedUrl(url), "url", "'" + url + "' is not an http(s) or file URL");
      at.check(bloc != null && SLUG.matcher(bloc.strip()).matches(), "bloc", "must be a slug such as eu-institutions or russia-state");
      at.check(language == null || language.strip().matches("[a-z]{2}"), "language", "must be an ISO 639-1 code such as en or ru");
      at.check(pollInterval == null || pollInterval.compareTo(MIN_INTERVAL) >= 0, "pollInterval", "must be at least 1s");
    }

    FeedDefinition definition() {
      String slug = id.strip();
      return new FeedDefinition(FeedDefinition.SCHEMA_VERSION, slug, url.strip(),
          name == null || name.isBlank() ? slug : name.strip(), bloc.strip(),
          language == null || language.isBlank() ? null : language.strip(), pollInterval == null ? DEFAULT_INTERVAL : pollInterval,
          fullText != null && fullText);
    }
  }

  public static List<FeedDefinition> load(Path file) {
    return FILE.read(file).definitions();
  }

  /** The list in {@code file} ({@code ingest.feeds.file}); the bundled default list when it is empty. */
  public static List<FeedDefinition> configured(String file) {
    return file == null || file.isEmpty() ? defaults() : load(Path.of(file));
  }

  /** The bundled default list of real EU–Russia sources. */
  public static List<FeedDefinition> defaults() {
    return FILE.readBundled("feeds/eu-russia.yaml").definitions();
  }

  /** Parses a list from text (what {@code feed import-opml} checks its own output with). */
  public static List<FeedDefinition> parse(String yaml, String source) {
    return FILE.parse(yaml, source).definitions();
  }

  /** The list as YAML that {@link #load} reads back, one flow mapping per feed. */
  public static String toYaml(List<FeedDefinition> feeds) {
    StringBuilder yaml = new StringBuilder("feeds:\n");
    for (FeedDefinition feed : feeds) {
      yaml.append("  - { id: ").append(quoted(feed.id())).append(", name: ").append(quoted(feed.name()))
          .append(", bloc: ").append(quoted(feed.bloc()));
      if (feed.language() != null) {
        yaml.append(", language: ").append(feed.language());
      }
      yaml.append(",\n      url: ").append(quoted(feed.url())).append(", pollInterval: ").append(Durations.format(feed.pollInterval()))
          .append(", fullText: ").append(feed.fullText()).append(" }\n");
    }
    return yaml.toString();
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static boolean isFeedUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = URI.create(url.strip());
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          || "file".equals(uri.getScheme());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
