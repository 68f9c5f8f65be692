package io.eurus.tools.eval;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.vader.sentiment.analyzer.SentimentAnalyzer;
import io.eurus.platform.StartupException;
import io.eurus.processor.ArticleEnricher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.zip.CRC32;

/**
 * Scores the human-rated data beside the project ({@code ../shared/data}) with Eurus and with the baselines, in
 * one run: Eurus' polarity against plain VADER (the {@code vader-sentiment-analyzer} library) on VADER's own
 * ICWSM-2014 datasets, and Eurus' relations tone as a conflict detector against the Lexicoder baseline that ships
 * with UNSCon. Nothing is fitted on the data; UNSCon is also reported on a held-out half (by speech) because the
 * lexicon was written with the other half in view.
 */
public final class Evaluation {

  /** Both systems' labels are cut at VADER's usual ±0.05 on a [-1, 1] scale (human means: rating / 4). */
  public static final double NEUTRAL_BAND = 0.05;
  /** A sentence counts as conflict when its relations tone is at or below this. */
  public static final double CONFLICT_TONE = -0.05;

  public static final List<String> SENTIMENT_DATASETS =
      List.of("tweets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt", "amazonReviewSnippets_GroundTruth.txt");

  /** One system's agreement with the human ratings of one dataset. */
  public record PolarityRow(String dataset, int items, String system, double pearson, double accuracy, double macroF1) {
  }

  /** One system's conflict detection on one split of UNSCon. */
  public record ConflictRow(String split, int sentences, String system, Metrics.Prf conflict, double accuracy) {
  }

  public record Report(List<PolarityRow> polarity, List<ConflictRow> conflict) {
  }

  private record Rated(String text, double rating) {
  }

  private record Sentence(String speech, String text, int gold, int lexicoder) {
  }

  private final ArticleEnricher enricher;

  public Evaluation(ArticleEnricher enricher) {
    this.enricher = enricher;
  }

  /** @throws StartupException when a data file is missing, naming it */
  public Report run(Path data) {
    List<PolarityRow> polarity = new ArrayList<>();
    for (String file : SENTIMENT_DATASETS) {
      List<Rated> items = ratings(data.resolve("sentiment").resolve(file));
      String name = file.substring(0, file.indexOf('_'));
      polarity.add(polarityRow(name, items, "eurus", item -> enricher.analyse("en", null, item.text()).polarity()));
      polarity.add(polarityRow(name, items, "vader", item -> plainVader(item.text())));
    }
    List<Sentence> sentences = unscon(data.resolve("conflict").resolve("unscon"));
    List<ConflictRow> conflict = new ArrayList<>();
    for (String split : List.of("all", "held-out")) {
      List<Sentence> part = sentences.stream().filter(s -> split.equals("all") || heldOut(s.speech())).toList();
      int[] gold = part.stream().mapToInt(Sentence::gold).toArray();
      int[] eurus = part.stream().mapToInt(s -> enricher.lexiconTone("en", s.text()) <= CONFLICT_TONE ? 1 : 0).toArray();
      int[] lexicoder = part.stream().mapToInt(Sentence::lexicoder).toArray();
      int[] vader = part.stream().mapToInt(s -> plainVader(s.text()) <= -NEUTRAL_BAND ? 1 : 0).toArray();
      conflict.add(new ConflictRow(split, part.size(), "lexicon tone", Metrics.prf(gold, eurus, 1), Metrics.accuracy(gold, eurus)));
      conflict.add(new ConflictRow(split, part.size(), "lexicoder", Metrics.prf(gold, lexicoder, 1), Metrics.accuracy(gold, lexicoder)));
      conflict.add(new ConflictRow(split, part.size(), "vader", Metrics.prf(gold, vader, 1), Metrics.accuracy(gold, vader)));
    }
    return new Report(polarity, conflict);
  }

  /** Half the speeches, chosen by a checksum of their id, held out from looking while the lexicon was written. */
  static boolean heldOut(String speech) {
    CRC32 crc = new CRC32();
    crc.update(speech.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 2 == 1;
  }

  private static PolarityRow polarityRow(String dataset, List<Rated> items, String system, ToDoubleFunction<Rated> scorer) {
    double[] gold = items.stream().mapToDouble(Rated::rating).toArray();
    double[] predicted = items.stream().mapToDouble(scorer).toArray();
    int[] goldClass = new int[gold.length];
    int[] predictedClass = new int[gold.length];
    for (int i = 0; i < gold.length; i++) {
      goldClass[i] = Metrics.threeClass(gold[i] / 4, NEUTRAL_BAND);
      predictedClass[i] = Metrics.threeClass(predicted[i], NEUTRAL_BAND);
    }
    return new PolarityRow(dataset, items.size(), system, Metrics.pearson(gold, predicted),
        Metrics.accuracy(goldClass, predictedClass), Metrics.macroF1(goldClass, predictedClass));
  }

  /** Plain VADER as its Java library computes it: the baseline. */
  static double plainVader(String text) {
    try {
      SentimentAnalyzer analyzer = new SentimentAnalyzer(text);
      analyzer.analyze();
      Float compound = analyzer.getPolarity().get("compound");
      return compound == null ? 0 : compound;
    } catch (IOException | RuntimeException e) {
      return 0; // the library fails on a few empty-after-tokenising texts: neutral, as Python VADER says
    }
  }

  private static List<Rated> ratings(Path file) {
    List<Rated> items = new ArrayList<>();
    for (String line : lines(file)) {
      String[] parts = line.split("\t", 3);
      if (parts.length == 3 && !parts[2].isBlank()) {
        items.add(new Rated(parts[2].strip(), Double.parseDouble(parts[1].strip())));
      }
    }
    return items;
  }

  private static List<Sentence> unscon(Path folder) {
    Path annotations = folder.resolve("conflict_annotations_sentences.csv");
    Path lexicoder = folder.resolve("lexicoder_output_sents.csv");
    List<Map<String, String>> gold = csv(annotations);
    List<Map<String, String>> baseline = csv(lexicoder);
    if (gold.size() != baseline.size()) {
      throw new StartupException(annotations + " and " + lexicoder + " differ in length (" + gold.size() + " vs " + baseline.size() + ")");
    }
    List<Sentence> sentences = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      Map<String, String> row = gold.get(i);
      boolean conflict = !"_".equals(row.get("A0").strip()) || !"_".equals(row.get("B1").strip());
      sentences.add(new Sentence(row.get("file_id"), row.get("sentence_text").strip(), conflict ? 1 : 0,
          Integer.parseInt(baseline.get(i).get("lexicoder_score_binary").strip())));
    }
    return sentences;
  }

  static List<Map<String, String>> csv(Path file) {
    requireFile(file);
    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      return rows.readAll();
    } catch (IOException e) {
      throw new StartupException(file + ": not readable as CSV (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  private static List<String> lines(Path file) {
    requireFile(file);
    try {
      // Malformed bytes (a few snippets are not clean UTF-8) become U+FFFD rather than failing the file.
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new StartupException(file + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  private static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StartupException("evaluation data missing: " + file.toAbsolutePath().normalize()
          + " (check out ../shared beside the project, or pass --data DIR)");
    }
  }
}
