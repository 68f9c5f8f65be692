package io.eurus.processor.stories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word shingles of an article, hashed to 64 bits, after a normalisation that makes two
 * copies of one story look alike: Unicode compatibility folding, lower case, {@code ё} as {@code е}, function
 * words left out, and a light stemming per language — English loses its plural and possessive {@code s} (Harman's
 * S-stemmer), Russian words are cut to their first five letters, which joins most inflected forms ("санкции",
 * "санкций", "санкциями"). Other languages are folded and lower-cased only.
 */
public final class Shingles {

  /** Words per shingle, after function words are left out: pairs survive a rewrite's edits better than triples. */
  static final int SIZE = 2;
  /**
   * Fewer content words than this: too little text to tell a copy from another story (two headlines "Главное за
   * день" are not one story), so no shingles.
   */
  static final int MIN_WORDS = 8;
  /** Russian words are cut to this many letters. */
  static final int RUSSIAN_STEM = 5;

  private static final Map<String, Set<String>> STOP_WORDS = Map.of(
      "en", stopWords("/eurus/stopwords-en.txt"),
      "ru", stopWords("/eurus/stopwords-ru.txt"));

  private Shingles() {
  }

  /** The content words of {@code text}, normalised for {@code language} (ISO 639-1, may be null). */
  public static List<String> words(String language, String text) {
    String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
    Set<String> stop = STOP_WORDS.getOrDefault(lang, Set.of());
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      boolean letter = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String word = folded.substring(start, i);
        start = -1;
        if (!stop.contains(word)) {
          words.add(stem(lang, word));
        }
      }
    }
    return words;
  }

  /**
   * The hashed shingles of an article: of its body when that has enough words (agencies rewrite headlines far more
   * than text), else of its title and body together; empty when even that is shorter than {@link #MIN_WORDS}.
   * Order and repeats do not matter to MinHash.
   */
  public static long[] of(String language, String title, String body) {
    List<String> words = words(language, body == null ? "" : body);
    if (words.size() < MIN_WORDS) {
      words = words(language, (title == null ? "" : title) + "\n" + (body == null ? "" : body));
    }
    if (words.size() < MIN_WORDS) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = hash(words.get(i));
    }
    long[] shingles = new long[wordHashes.length - SIZE + 1];
    for (int i = 0; i < shingles.length; i++) {
      long h = 0;
      for (int j = 0; j < SIZE; j++) {
        h = (h ^ wordHashes[i + j]) * 0x9E3779B97F4A7C15L + j;
      }
      shingles[i] = h;
    }
    return shingles;
  }

  static String stem(String language, String word) {
    if ("ru".equals(language)) {
      return word.length() > RUSSIAN_STEM ? word.substring(0, RUSSIAN_STEM) : word;
    }
    if ("en".equals(language) && word.length() > 3) {
      if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
        return word.substring(0, word.length() - 3) + "y";
      }
      if (word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) {
        return word.substring(0, word.length() - 1);
      }
      if (word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss")) {
        return word.substring(0, word.length() - 1);
      }
    }
    return word;
  }

  /** 64-bit FNV-1a over the UTF-16 units: cheap, stable across JVMs (unlike String.hashCode's 32 bits). */
  static long hash(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static Set<String> stopWords(String resource) {
    try (InputStream in = Shingles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      Set<String> words = new HashSet<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(line -> !line.startsWith("#"))
          .flatMap(line -> List.of(line.trim().split("\\s+")).stream())
          .filter(word -> !word.isEmpty())
          .forEach(words::add);
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
