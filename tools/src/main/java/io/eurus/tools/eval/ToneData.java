package io.eurus.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The human-labelled data of {@code ../shared/data/tone} and {@code ../shared/data/conflict/unscon}, each label
 * mapped to conflict (-1) / neutral (0) / cooperation (1):
 * <ul>
 *   <li>un_quadclass_en: verbal and material conflict → conflict, verbal and material cooperation → cooperation,
 *       irrelevant → neutral. No split: a fifth of the sentences, those whose CRC-32 of the UTF-8 text is 0 mod 5,
 *       are held out;</li>
 *   <li>conflibert_cameo: 0 statement/appeal → neutral, 1 and 2 (verbal, material cooperation) → cooperation,
 *       3 and 4 (verbal, material conflict) → conflict; the authors' train/test;</li>
 *   <li>plover_gsr: the PLOVER quad class, conflict or cooperation. No split, and 258 of its 322 sentences are in
 *       conflibert_cameo's test set: all of it is test data, none is trained on;</li>
 *   <li>newsmtsc: sentiment towards each target, negative → conflict, neutral → neutral, positive → cooperation,
 *       one item per target; train, and the authors' test sets devtest_rw and devtest_mt;</li>
 *   <li>unscon: a sentence with a negative evaluation (A0) or a challenge (B1) → conflict, any other → "not
 *       conflict" (neutral or cooperation: see {@link LabelledSentence#NOT_CONFLICT}). No split: the speeches
 *       whose CRC-32 of the file id is odd are held out, the half the lexicon was not written with;</li>
 *   <li>rusentne2023: -1 → conflict, 0 → neutral, 1 → positive, one item per marked entity; train, and the
 *       authors' validation set (their test labels are unpublished).</li>
 * </ul>
 * No sentence that is in any test split is trained on, whatever dataset it comes from: RuSentNE repeats 1,463 of
 * its 2,144 validation sentences in train (with other entities marked), and those train rows are left out.
 */
public final class ToneData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ToneData() {
  }

  /** Every labelled sentence, in file order, with the training rows that repeat a test sentence left out. */
  public static List<LabelledSentence> load(Path data) {
    List<LabelledSentence> all = new ArrayList<>();
    Path tone = data.resolve("tone");
    quadClass(tone.resolve("un_quadclass_en").resolve("un_quadclass_en.jsonl"), all);
    cameo(tone.resolve("conflibert_cameo").resolve("cameo_class.jsonl"), all);
    plover(tone.resolve("plover_gsr").resolve("plover_gsr.jsonl"), all);
    for (String split : List.of("train", "devtest_rw", "devtest_mt")) {
      newsMtsc(tone.resolve("newsmtsc").resolve(split + ".jsonl"), split, all);
    }
    unscon(data.resolve("conflict").resolve("unscon").resolve("conflict_annotations_sentences.csv"), all);
    ruSentNe(tone.resolve("rusentne2023").resolve("train_data.csv"), LabelledSentence.TRAIN, all);
    ruSentNe(tone.resolve("rusentne2023").resolve("validation_data_labeled.csv"), "validation", all);
    Set<String> tested = new HashSet<>();
    all.stream().filter(s -> !s.training()).forEach(s -> tested.add(s.text()));
    return all.stream().filter(s -> !s.training() || !tested.contains(s.text())).toList();
  }

  /**
   * un_quadclass_en's relevance labels (1 = the sentence reports an event of cooperation or conflict, 0 = not),
   * with every sentence trained on left out: a test of whether "carries tone" finds the sentences that matter.
   * Duplicated texts (they never disagree) are kept once. Label: 1 relevant, 0 not.
   */
  public static List<LabelledSentence> relevance(Path data, List<LabelledSentence> all) {
    Set<String> trained = new HashSet<>();
    all.stream().filter(LabelledSentence::training).forEach(s -> trained.add(s.text()));
    Set<String> seen = new HashSet<>();
    List<LabelledSentence> out = new ArrayList<>();
    for (JsonNode row : jsonLines(data.resolve("tone").resolve("un_quadclass_en").resolve("un_relevance_en.jsonl"))) {
      String text = row.path("text").asText().strip();
      if (!trained.contains(text) && seen.add(text)) {
        out.add(new LabelledSentence("un_relevance_en", "en", "untrained", text, row.path("relevant").asInt()));
      }
    }
    return out;
  }

  /** Whether a text is in a fixed held-out share of 1 in {@code parts}, chosen by the CRC-32 of its UTF-8 bytes. */
  static boolean heldOut(String text, int parts) {
    return crc(text) % parts == 0;
  }

  static long crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static void quadClass(Path file, List<LabelledSentence> out) {
    for (JsonNode row : jsonLines(file)) {
      String text = row.path("text").asText().strip();
      int label = switch (row.path("coarse").asText()) {
        case "conflict" -> -1;
        case "cooperation" -> 1;
        default -> 0;
      };
      out.add(new LabelledSentence("un_quadclass_en", "en", heldOut(text, 5) ? "held-out" : LabelledSentence.TRAIN, text, label));
    }
  }

  private static void cameo(Path file, List<LabelledSentence> out) {
    for (JsonNode row : jsonLines(file)) {
      int label = switch (row.path("label").asInt()) {
        case 1, 2 -> 1;
        case 3, 4 -> -1;
        default -> 0;
      };
      out.add(new LabelledSentence("conflibert_cameo", "en", row.path("split").asText(), row.path("text").asText().strip(), label));
    }
  }

  private static void plover(Path file, List<LabelledSentence> out) {
    for (JsonNode row : jsonLines(file)) {
      out.add(new LabelledSentence("plover_gsr", "en", "all", row.path("text").asText().strip(),
          "conflict".equals(row.path("coarse").asText()) ? -1 : 1));
    }
  }

  private static void newsMtsc(Path file, String split, List<LabelledSentence> out) {
    for (JsonNode row : jsonLines(file)) {
      String text = row.path("sentence_normalized").asText().strip();
      for (JsonNode target : row.path("targets")) {
        int label = (int) Math.round((target.path("polarity").asDouble() - 4) / 2);
        out.add(new LabelledSentence("newsmtsc", "en", split, text, label));
      }
    }
  }

  private static void unscon(Path file, List<LabelledSentence> out) {
    for (Map<String, String> row : Evaluation.csv(file)) {
      String text = row.get("sentence_text").strip().replaceAll("\\s+", " ");
      boolean conflict = !"_".equals(row.get("A0").strip()) || !"_".equals(row.get("B1").strip());
      String speech = row.get("file_id");
      out.add(new LabelledSentence("unscon", "en", Evaluation.heldOut(speech) ? "held-out" : LabelledSentence.TRAIN, text,
          conflict ? -1 : LabelledSentence.NOT_CONFLICT));
    }
  }

  private static void ruSentNe(Path file, String split, List<LabelledSentence> out) {
    List<String> lines = lines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.split("\t", -1);
      if (columns.length >= 6 && !columns[5].isBlank()) {
        out.add(new LabelledSentence("rusentne2023", "ru", split, columns[0].strip(), Integer.parseInt(columns[5].strip())));
      }
    }
  }

  private static List<JsonNode> jsonLines(Path file) {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : lines(file)) {
      if (!line.isBlank()) {
        try {
          rows.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new StartupException(file + ": a line is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
      }
    }
    return rows;
  }

  private static List<String> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StartupException("training data missing: " + file.toAbsolutePath().normalize()
          + " (check out ../shared beside the project, or pass --data DIR)");
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartupException(file + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }
}
