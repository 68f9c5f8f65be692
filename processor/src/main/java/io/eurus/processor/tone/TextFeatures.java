package io.eurus.processor.tone;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a sentence as a hashed bag of features beside the encoder's vector: lower-cased words and word
 * pairs, and (where no encoder exists for the language, as in Russian) character 2- to 5-grams within words, which
 * stand in for stemming. Each feature is hashed (32-bit FNV-1a, a fixed function, so a head trained today reads the
 * same buckets in every JVM) into one of {@code buckets} buckets; the bag is binary and scaled to length 1.
 *
 * @param buckets    number of hash buckets, a power of two
 * @param characters whether character n-grams are added to words and word pairs
 */
public record TextFeatures(int buckets, boolean characters) {

  static final int MIN_GRAM = 2;
  static final int MAX_GRAM = 5;

  public TextFeatures {
    if (Integer.bitCount(buckets) != 1) {
      throw new IllegalArgumentException("buckets must be a power of two, was " + buckets);
    }
  }

  /** A binary bag of hashed features scaled to length 1: every present bucket has the same {@code value}. */
  public record Bag(int[] buckets, float value) {
    public static final Bag EMPTY = new Bag(new int[0], 0);
  }

  public Bag of(String text) {
    String[] words = words(text);
    int[] hashed = new int[16];
    int n = 0;
    String previous = null;
    for (String word : words) {
      hashed = grow(hashed, n + 2 + (characters ? 4 * (word.length() + 2) : 0));
      hashed[n++] = bucket('w', word);
      if (previous != null) {
        hashed[n++] = bucket('b', previous + ' ' + word);
      }
      previous = word;
      if (characters) {
        String padded = ' ' + word + ' ';
        for (int size = MIN_GRAM; size <= MAX_GRAM; size++) {
          for (int at = 0; at + size <= padded.length(); at++) {
            hashed[n++] = bucket('c', padded.substring(at, at + size));
          }
        }
      }
    }
    if (n == 0) {
      return Bag.EMPTY;
    }
    int[] unique = Arrays.stream(hashed, 0, n).sorted().distinct().toArray();
    return new Bag(unique, (float) (1 / Math.sqrt(unique.length)));
  }

  /** Lower-cased runs of letters and digits: what a word is to these features. */
  static String[] words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty()).toArray(String[]::new);
  }

  private int bucket(char kind, String feature) {
    int hash = 0x811c9dc5;
    hash = (hash ^ kind) * 0x01000193;
    for (int i = 0; i < feature.length(); i++) {
      hash = (hash ^ feature.charAt(i)) * 0x01000193;
    }
    return hash & (buckets - 1);
  }

  private static int[] grow(int[] array, int needed) {
    return needed <= array.length ? array : Arrays.copyOf(array, Math.max(needed, array.length * 2));
  }
}
