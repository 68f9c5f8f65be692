package io.eurus.processor.stories;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * MinHash signatures with LSH banding (Broder 1997; Leskovec, Rajaraman &amp; Ullman, "Mining of Massive
 * Datasets", ch. 3). The fraction of equal values in two signatures estimates the Jaccard similarity of the two
 * shingle sets; cutting the signature into {@link #BANDS} bands of {@link #ROWS} rows makes two articles
 * candidates when any band is equal, which happens with probability {@code 1 - (1 - J^ROWS)^BANDS}: 0.997 for
 * a rewritten copy at J = 0.63, 0.93 at J = 0.5, 0.72 at J = 0.4, 0.15 at J = 0.2 and 0.02 for unrelated stories
 * on the same subject (J = 0.1). Candidates are then checked on the whole signature (60 values: the estimate's
 * standard error is 0.06 at J = 0.5).
 *
 * <p>The hash family is fixed (seeded), so signatures stored in a state store stay comparable across restarts
 * and versions; changing it would split every open story.
 */
public final class MinHash {

  public static final int BANDS = 20;
  public static final int ROWS = 3;
  public static final int SIZE = BANDS * ROWS;

  private static final long[] MULTIPLIERS = new long[SIZE];
  private static final long[] ADDENDS = new long[SIZE];

  static {
    SplittableRandom random = new SplittableRandom(0x45757275734D48L); // "EurusMH": never change it
    for (int i = 0; i < SIZE; i++) {
      MULTIPLIERS[i] = random.nextLong() | 1L;
      ADDENDS[i] = random.nextLong();
    }
  }

  private MinHash() {
  }

  /**
   * The signature of a set of shingles: per hash function, the top 32 bits of the smallest value. The shingle is
   * mixed once (SplitMix64's finaliser) and then spread by cheap multiply-add functions, so a 3 KB article costs
   * a few microseconds.
   */
  public static int[] signature(long[] shingles) {
    long[] min = new long[SIZE];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (long shingle : shingles) {
      long mixed = mix(shingle);
      for (int i = 0; i < SIZE; i++) {
        // Flipping the sign bit makes the signed comparison order the values as unsigned.
        long value = (mixed * MULTIPLIERS[i] + ADDENDS[i]) ^ Long.MIN_VALUE;
        if (value < min[i]) {
          min[i] = value;
        }
      }
    }
    int[] signature = new int[SIZE];
    for (int i = 0; i < SIZE; i++) {
      signature[i] = (int) (min[i] >>> 32);
    }
    return signature;
  }

  /** The estimated Jaccard similarity: the fraction of equal values. */
  public static double similarity(int[] a, int[] b) {
    int equal = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return equal / (double) SIZE;
  }

  /** The LSH bucket of one band of a signature; the band's index is part of it, so bands never collide. */
  public static long bucket(int[] signature, int band) {
    long h = band + 1;
    for (int row = 0; row < ROWS; row++) {
      h = mix(h * 31 + (signature[band * ROWS + row] & 0xffffffffL));
    }
    return h;
  }

  static String encode(int[] signature) {
    ByteBuffer bytes = ByteBuffer.allocate(SIZE * Integer.BYTES);
    bytes.asIntBuffer().put(signature);
    return Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
  }

  static int[] decode(String encoded) {
    int[] signature = new int[SIZE];
    ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).asIntBuffer().get(signature);
    return signature;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
