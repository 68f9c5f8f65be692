package io.eurus.processor.tone;

import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations-tone models by language, read at start-up: {@code head-<language>.json} for each configured
 * language, from a folder or from the bundled heads ({@code eurus/tone/} on the classpath, rebuilt by
 * {@code eurus train-tone}). A language without a head has no model: its tone comes from the lexicon. The
 * encoder is loaded once and shared.
 */
public final class ToneModels implements AutoCloseable {

  public static final String BUNDLED = "eurus/tone/";
  /** The languages a head is bundled for. */
  public static final List<String> BUNDLED_LANGUAGES = List.of("en", "ru");

  private final Map<String, ToneModel> models;
  private final SentenceEncoder encoder;

  private ToneModels(Map<String, ToneModel> models, SentenceEncoder encoder) {
    this.models = models;
    this.encoder = encoder;
  }

  /** No model for any language: every tone from the lexicon. */
  public static ToneModels none() {
    return new ToneModels(Map.of(), null);
  }

  public static String fileName(String language) {
    return "head-" + language + ".json";
  }

  /**
   * @param folder where the heads are; null for the bundled ones
   * @param languages the configured languages; a bundled head exists for {@link #BUNDLED_LANGUAGES}
   * @throws StartupException naming the head or encoder file that is missing or cannot be read
   */
  public static ToneModels load(Path folder, Collection<String> languages, int cacheSize) {
    List<ToneHead> heads = new ArrayList<>();
    for (String language : languages) {
      if (folder == null && !BUNDLED_LANGUAGES.contains(language)) {
        continue;
      }
      heads.add(folder == null ? bundled(language) : fromFolder(folder, language));
    }
    SentenceEncoder encoder = heads.stream().anyMatch(head -> head.encoder() != null) ? SentenceEncoder.bgeSmall() : null;
    Map<String, ToneModel> models = new LinkedHashMap<>();
    for (ToneHead head : heads) {
      if (head.encoder() != null && !head.encoder().equals(encoder.name())) {
        throw new StartupException("tone model " + fileName(head.language()) + " reads " + head.encoder()
            + " vectors; only " + encoder.name() + " is available");
      }
      models.put(head.language(), new ToneModel(head, head.encoder() == null ? null : encoder, cacheSize));
    }
    return new ToneModels(models, encoder);
  }

  private static ToneHead bundled(String language) {
    String name = BUNDLED + fileName(language);
    try (InputStream in = ToneModels.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new StartupException("tone model " + name + " is missing from the classpath (rebuild it: eurus train-tone)");
      }
      return checked(ToneHead.read(in, name), language, name);
    } catch (IOException e) {
      throw new StartupException("tone model " + name + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static ToneHead fromFolder(Path folder, String language) {
    Path file = folder.resolve(fileName(language));
    if (!Files.isRegularFile(file)) {
      throw new StartupException("tone model " + file + " is missing");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return checked(ToneHead.read(in, file.toString()), language, file.toString());
    } catch (IOException e) {
      throw new StartupException("tone model " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static ToneHead checked(ToneHead head, String language, String name) {
    if (!language.equals(head.language())) {
      throw new StartupException("tone model " + name + " is for language '" + head.language() + "', not '" + language + "'");
    }
    return head;
  }

  /** The model for a language, or null when it has none. */
  public ToneModel of(String language) {
    return models.get(language);
  }

  public Collection<ToneModel> all() {
    return models.values();
  }

  /** Sentences cut at the encoder's length so far. */
  public long truncated() {
    return encoder == null ? 0 : encoder.truncated();
  }

  /** Sentences encoded so far (the cache's misses, and for explanations the sentence and its masked variants). */
  public long encoded() {
    return encoder == null ? 0 : encoder.encoded();
  }

  @Override
  public void close() {
    if (encoder != null) {
      encoder.close();
    }
  }
}
