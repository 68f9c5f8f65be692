package io.eurus.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Eurus reads a duration, in every file and setting: a whole number with a unit ({@code 500ms},
 * {@code 90s}, {@code 15m}, {@code 1h}, {@code 14d}) or ISO-8601 ({@code PT1H30M}, {@code P2D}); a number alone is
 * seconds ({@code 90}, {@code 1.5}), as the routing file always read it. A duration is never negative.
 */
public final class Durations {

  /** What an operator can write, for messages. */
  public static final String SYNTAX = "a duration such as 30s, 15m, 1h or 14d";

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

  private Durations() {
  }

  /** The duration {@code text} spells, or null when it spells none (or a negative one). */
  public static Duration parse(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    Matcher shortForm = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    try {
      if (shortForm.matches()) {
        long amount = Long.parseLong(shortForm.group(1));
        return switch (shortForm.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      if (SECONDS.matcher(trimmed).matches()) {
        return Duration.ofMillis((long) (Double.parseDouble(trimmed) * 1000));
      }
      Duration iso = Duration.parse(trimmed);
      return iso.isNegative() ? null : iso;
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  /** The shortest of the forms {@link #parse} reads back: {@code 90s}, {@code 15m}, {@code 1h}, {@code 14d}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
