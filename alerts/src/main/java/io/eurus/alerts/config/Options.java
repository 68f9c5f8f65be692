package io.eurus.alerts.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.events.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One block of the routing file (a channel, a route) as its owner reads it: typed getters that record a
 * problem naming the option's path instead of throwing, so a file is reported whole, every problem at once.
 *
 * <p>Secrets are never written in the file: a secret option is {@code {env: NAME}} or {@code {file: PATH}},
 * and a literal value is a problem.
 */
public final class Options {

  private final String path;
  private final JsonNode node;
  private final Map<String, String> env;
  private final List<String> problems;

  public Options(String path, JsonNode node, Map<String, String> env, List<String> problems) {
    this.path = path;
    this.node = node;
    this.env = env;
    this.problems = problems;
  }

  public String path() {
    return path;
  }

  public void problem(String option, String reason) {
    problems.add(path + (option == null ? "" : "." + option) + ": " + reason);
  }

  /** Reports every option not in {@code known}: a typo must not silently fall back to a default. */
  public void allowOnly(Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(name, "unknown option (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  public boolean has(String option) {
    return node.hasNonNull(option);
  }

  public Options child(String option) {
    JsonNode child = node.path(option);
    if (!child.isMissingNode() && !child.isNull() && !child.isObject()) {
      problem(option, "must be a block of options");
    }
    return new Options(path + "." + option, child.isObject() ? child : com.fasterxml.jackson.databind.node.MissingNode.getInstance(), env, problems);
  }

  public String text(String option, String fallback) {
    JsonNode value = node.path(option);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      problem(option, "must be a non-empty text");
      return fallback;
    }
    return value.asText();
  }

  public String requiredText(String option) {
    String value = text(option, null);
    if (value == null && !has(option)) {
      problem(option, "is required");
    }
    return value;
  }

  public int integer(String option, int fallback, int min, int max) {
    JsonNode value = node.path(option);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
      problem(option, "must be a whole number from " + min + " to " + max + ", not '" + value.asText() + "'");
      return fallback;
    }
    return value.asInt();
  }

  /** An ISO-8601 duration such as {@code PT15M}, or a number of seconds. */
  public Duration duration(String option, Duration fallback) {
    JsonNode value = node.path(option);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    try {
      Duration parsed = value.isNumber() ? Duration.ofMillis((long) (value.asDouble() * 1000)) : Duration.parse(value.asText());
      if (parsed.isNegative()) {
        throw new DateTimeParseException("negative", value.asText(), 0);
      }
      return parsed;
    } catch (DateTimeParseException e) {
      problem(option, "must be an ISO-8601 duration such as PT15M, not '" + value.asText() + "'");
      return fallback;
    }
  }

  public LocalTime time(String option, LocalTime fallback) {
    String value = text(option, null);
    if (value == null) {
      return fallback;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      problem(option, "must be a time of day such as 07:30, not '" + value + "'");
      return fallback;
    }
  }

  public ZoneId zone(String option, ZoneId fallback) {
    String value = text(option, null);
    if (value == null) {
      return fallback;
    }
    try {
      return ZoneId.of(value);
    } catch (RuntimeException e) {
      problem(option, "must be a time zone such as Europe/Brussels, not '" + value + "'");
      return fallback;
    }
  }

  public Severity severity(String option, Severity fallback) {
    String value = text(option, null);
    return value == null ? fallback : parse(Severity.class, option, value, fallback);
  }

  /** A list of texts; a single text counts as a list of one. */
  public List<String> texts(String option) {
    JsonNode value = node.path(option);
    List<String> texts = new ArrayList<>();
    if (value.isMissingNode() || value.isNull()) {
      return texts;
    }
    if (value.isValueNode()) {
      texts.add(value.asText());
    } else if (value.isArray()) {
      value.forEach(item -> {
        if (item.isValueNode() && !item.asText().isBlank()) {
          texts.add(item.asText());
        } else {
          problem(option, "must list texts, not '" + item + "'");
        }
      });
    } else {
      problem(option, "must be a list");
    }
    return texts;
  }

  public <E extends Enum<E>> List<E> enums(String option, Class<E> type) {
    List<E> values = new ArrayList<>();
    for (String text : texts(option)) {
      E value = parse(type, option, text, null);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  private <E extends Enum<E>> E parse(Class<E> type, String option, String text, E fallback) {
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(option, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
      return fallback;
    }
  }

  /**
   * A secret: {@code {env: NAME}} reads an environment variable, {@code {file: PATH}} a file (trailing
   * newline removed, as written by {@code echo} or a container's secret mount). Never a literal value.
   */
  public String secret(String option, boolean required) {
    JsonNode value = node.path(option);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        problem(option, "is required, as {env: NAME} or {file: PATH}");
      }
      return null;
    }
    if (!value.isObject()) {
      // Do not echo the value: it may be the secret itself.
      problem(option, "is a secret: give it as {env: NAME} or {file: PATH}, never written in the routing file");
      return null;
    }
    if (value.hasNonNull("env") == value.hasNonNull("file")) {
      problem(option, "must name exactly one of env or file");
      return null;
    }
    if (value.hasNonNull("env")) {
      String name = value.get("env").asText();
      String secret = env.get(name);
      if (secret == null || secret.isBlank()) {
        problem(option, "environment variable " + name + " is not set");
        return null;
      }
      return secret.strip();
    }
    Path file = Path.of(value.get("file").asText());
    try {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        problem(option, "file " + file + " is empty");
        return null;
      }
      return secret;
    } catch (IOException e) {
      problem(option, "cannot read file " + file + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }
}
