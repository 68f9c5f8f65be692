package io.eurus.processor.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of one YAML mapping with their defaults, and collects every problem (with the path of the
 * field) instead of stopping at the first, so the operator fixes a file in one go. Keys nobody read are
 * reported too: a misspelt threshold must not silently fall back to its default.
 */
final class YamlFields {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(s|m|h|d)");

  private final JsonNode node;
  private final String path;
  private final List<String> problems;
  private final Set<String> read = new HashSet<>();
  private final List<YamlFields> sections = new ArrayList<>();

  private YamlFields(JsonNode node, String path, List<String> problems) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.path = path;
    this.problems = problems;
    if (!this.node.isMissingNode() && !this.node.isNull() && !this.node.isObject()) {
      problems.add((path.isEmpty() ? "the file" : path) + ": must be a mapping of keys to values");
    }
  }

  static YamlFields root(JsonNode node, List<String> problems) {
    return new YamlFields(node, "", problems);
  }

  YamlFields section(String key) {
    YamlFields section = new YamlFields(value(key), where(key), problems);
    sections.add(section);
    return section;
  }

  String text(String key, String fallback) {
    JsonNode value = value(key);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problems.add(where(key) + ": must be a non-empty text");
      return fallback;
    }
    return value.asText().trim();
  }

  double number(String key, double fallback, double min, double max) {
    JsonNode value = value(key);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
      problems.add(where(key) + ": must be a number from " + format(min) + " to " + format(max) + " (was " + value + ")");
      return fallback;
    }
    return value.asDouble();
  }

  int integer(String key, int fallback, int min, int max) {
    JsonNode value = value(key);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      problems.add(where(key) + ": must be a whole number from " + min + " to " + max + " (was " + value + ")");
      return fallback;
    }
    return value.asInt();
  }

  /** A duration as {@code 90s}, {@code 15m}, {@code 1h}, {@code 14d} or ISO-8601 ({@code PT1H}). */
  Duration duration(String key, Duration fallback, Duration min, Duration max) {
    JsonNode value = value(key);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    Duration parsed = parseDuration(value.asText());
    if (parsed == null) {
      problems.add(where(key) + ": '" + value.asText() + "' is not a duration such as 30m, 1h or 14d");
      return fallback;
    }
    if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
      problems.add(where(key) + ": must be from " + show(min) + " to " + show(max) + " (was " + value.asText() + ")");
      return fallback;
    }
    return parsed;
  }

  /** A list of texts, each one of {@code allowed} when that is not empty. */
  List<String> texts(String key, List<String> fallback, Set<String> allowed) {
    JsonNode value = value(key);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isArray()) {
      problems.add(where(key) + ": must be a list such as [a, b]");
      return fallback;
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : value) {
      String text = item.asText("").trim();
      if (!item.isTextual() || text.isEmpty()) {
        problems.add(where(key) + ": " + item + " is not a non-empty text");
      } else if (!allowed.isEmpty() && !allowed.contains(text)) {
        problems.add(where(key) + ": '" + text + "' is not one of " + String.join(", ", allowed));
      } else {
        result.add(text);
      }
    }
    return result;
  }

  /** A mapping of names to lists of texts, in file order. */
  Map<String, List<String>> groups(String key) {
    YamlFields section = section(key);
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Iterator<String> names = section.node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      result.put(name, section.texts(name, List.of(), Set.of()));
    }
    return result;
  }

  void problem(String key, String message) {
    problems.add(where(key) + ": " + message);
  }

  /** Reports keys of this mapping and of its sections that no field read: usually a typo. */
  void rejectUnknownKeys() {
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!read.contains(name)) {
          problems.add(where(name) + ": unknown key");
        }
      }
    }
    sections.forEach(YamlFields::rejectUnknownKeys);
  }

  static Duration parseDuration(String text) {
    String trimmed = text.trim();
    Matcher shortForm = SHORT_DURATION.matcher(trimmed);
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private JsonNode value(String key) {
    read.add(key);
    return node.isObject() ? node.path(key) : MissingNode.getInstance();
  }

  private String where(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  private static String show(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
