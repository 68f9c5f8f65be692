package io.eurus.processor.testing;

import io.eurus.processor.coverage.Series;
import io.eurus.processor.coverage.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A series of windows written the way Huginn's peak-detector spec writes its input: values in reading order,
 * comments after {@code #} saying what happens where. A value is a window's mean tone ({@code -0.12}), or its
 * number of stories for a volume series ({@code 7}); {@code -0.95x1} gives a tone window its number of stories
 * (8 by default, each story's tone spread with a standard deviation of 0.2, so a window's mean varies by about
 * 0.07). {@code -0.05/-0.30} is a pair of tone windows, one per side. A line whose comment starts with a word in
 * {@code [brackets]} marks its first value with that word: {@code [shift]}, {@code [calm]} and so on.
 */
public final class AnnotatedSeries {

  public static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  public static final Duration HOUR = Duration.ofHours(1);
  public static final int STORIES = 8;
  public static final double STORY_VARIANCE = 0.04;

  private final List<double[]> values = new ArrayList<>();
  private final Map<String, Integer> marks = new java.util.HashMap<>();

  private AnnotatedSeries() {
  }

  public static AnnotatedSeries parse(String text) {
    AnnotatedSeries series = new AnnotatedSeries();
    for (String line : text.split("\n")) {
      int hash = line.indexOf('#');
      String data = hash < 0 ? line : line.substring(0, hash);
      String comment = hash < 0 ? "" : line.substring(hash + 1).trim();
      if (comment.startsWith("[")) {
        series.marks.put(comment.substring(1, comment.indexOf(']')), series.values.size());
      }
      for (String token : data.trim().split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        }
        String[] sides = token.split("/");
        String[] parts = sides[0].split("x");
        series.values.add(new double[] {Double.parseDouble(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : STORIES,
            sides.length > 1 ? Double.parseDouble(sides[1]) : Double.NaN});
      }
    }
    return series;
  }

  public int size() {
    return values.size();
  }

  /** Index of the first value of the line marked {@code [name]}. */
  public int mark(String name) {
    Integer index = marks.get(name);
    if (index == null) {
      throw new IllegalArgumentException("no line marked [" + name + "]");
    }
    return index;
  }

  public double value(int index) {
    return values.get(index)[0];
  }

  public static long start(int index) {
    return START.plus(HOUR.multipliedBy(index)).toEpochMilli();
  }

  /** Window {@code index} as a tone window: its mean, its stories, their spread. */
  public WindowStats toneWindow(Series series, int index) {
    return toneWindow(series, index, values.get(index)[0]);
  }

  /** The second value of a pair ({@code first/second}) as a tone window. */
  public WindowStats secondToneWindow(Series series, int index) {
    return toneWindow(series, index, values.get(index)[2]);
  }

  private WindowStats toneWindow(Series series, int index, double mean) {
    int stories = (int) values.get(index)[1];
    double sumSq = (stories - 1) * STORY_VARIANCE + stories * mean * mean;
    return new WindowStats(series, start(index), start(index + 1), 1, stories, stories, stories, mean * stories, sumSq,
        List.of(), List.of(), Map.of());
  }

  /** Window {@code index} as a volume window: its value is the number of stories. */
  public WindowStats volumeWindow(Series series, int index) {
    int stories = (int) values.get(index)[0];
    return new WindowStats(series, start(index), start(index + 1), 1, stories, stories, 0, 0, 0, List.of(), List.of(),
        Map.of());
  }
}
