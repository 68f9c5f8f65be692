package io.eurus.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.events.FeedDefinition;
import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(s|m|h)");
  private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final List<String> FIELDS = List.of("id", "url", "name", "bloc", "language", "pollInterval", "fullText");

  private FeedList() {
  }

  public static List<FeedDefinition> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new StartupException("cannot read feed list " + file + ": " + e.getMessage(), e);
    }
  }

  /** The bundled default list of real EU–Russia sources. */
  public static List<FeedDefinition> defaults() {
    try (InputStream in = FeedList.class.getResourceAsStream("/feeds/eu-russia.yaml")) {
      return parse(in, "bundled feeds/eu-russia.yaml");
    } catch (IOException e) {
      throw new IllegalStateException("bundled feed list is unreadable", e);
    }
  }

  static List<FeedDefinition> parse(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new StartupException("feed list " + source + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    JsonNode feeds = root == null ? null : root.get("feeds");
    if (feeds == null || !feeds.isArray()) {
      throw new StartupException("feed list " + source + " has no 'feeds:' list");
    }
    List<String> problems = new ArrayList<>();
    List<FeedDefinition> result = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode feed : feeds) {
      index++;
      String id = text(feed, "id");
      String where = "feed " + (id.isEmpty() ? "#" + index : id);
      int before = problems.size();
      if (!SLUG.matcher(id).matches()) {
        problems.add(where + ": id must be a lowercase slug (a-z, 0-9, '.', '_', '-')");
      } else if (!ids.add(id)) {
        problems.add(where + ": id is used twice");
      }
      feed.fieldNames().forEachRemaining(field -> {
        if (!FIELDS.contains(field)) {
          problems.add(where + ": unknown field '" + field + "' (known: " + String.join(", ", FIELDS) + ")");
        }
      });
      if (feed.has("fullText") && !feed.get("fullText").isBoolean()) {
        problems.add(where + ": fullText must be true or false");
      }
      String url = text(feed, "url");
      if (!isFeedUrl(url)) {
        problems.add(where + ": url '" + url + "' is not an http(s) or file URL");
      }
      String bloc = text(feed, "bloc");
      if (!SLUG.matcher(bloc).matches()) {
        problems.add(where + ": bloc must be a slug such as eu-institutions or russia-state");
      }
      String language = text(feed, "language");
      if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
        problems.add(where + ": language must be an ISO 639-1 code such as en or ru");
      }
      Duration interval = DEFAULT_INTERVAL;
      String intervalText = text(feed, "pollInterval");
      if (!intervalText.isEmpty()) {
        try {
          interval = duration(intervalText);
          if (interval.compareTo(MIN_INTERVAL) < 0) {
            problems.add(where + ": pollInterval must be at least 1s");
          }
        } catch (DateTimeParseException | NumberFormatException e) {
          problems.add(where + ": pollInterval '" + intervalText + "' is not a duration such as 30s, 10m, 1h");
        }
      }
      if (problems.size() == before) {
        String name = text(feed, "name");
        result.add(new FeedDefinition(FeedDefinition.SCHEMA_VERSION, id, url, name.isEmpty() ? id : name, bloc,
            language.isEmpty() ? null : language, interval, feed.path("fullText").asBoolean(false)));
      }
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems.stream().map(p -> source + ": " + p).toList());
    }
    return List.copyOf(result);
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
      yaml.append(",\n      url: ").append(quoted(feed.url())).append(", pollInterval: ").append(shortDuration(feed.pollInterval()))
          .append(", fullText: ").append(feed.fullText()).append(" }\n");
    }
    return yaml.toString();
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String shortDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** Parses a list from text (what {@code feed import-opml} checks its own output with). */
  public static List<FeedDefinition> parse(String yaml, String source) {
    try {
      return parse(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
    } catch (IOException e) {
      throw new StartupException("feed list " + source + " is unreadable: " + e.getMessage());
    }
  }

  static Duration duration(String text) {
    var shortForm = SHORT_DURATION.matcher(text.trim());
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    return Duration.parse(text.trim());
  }

  private static boolean isFeedUrl(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          || "file".equals(uri.getScheme());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText().trim();
  }
}
