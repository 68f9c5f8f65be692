package io.eurus.processor.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MinHashTest {

  @Test
  void signatureSimilarityEstimatesJaccardSimilarity() {
    long[] a = range(0, 300);
    long[] b = range(100, 400); // 200 shared of 400: J = 0.5

    double estimate = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));

    assertThat(estimate).isCloseTo(0.5, offset(0.15));
  }

  @Test
  void identicalSetsHaveIdenticalSignaturesAndBuckets() {
    int[] one = MinHash.signature(range(0, 50));
    int[] two = MinHash.signature(range(0, 50));

    assertThat(MinHash.similarity(one, two)).isEqualTo(1.0);
    for (int band = 0; band < MinHash.BANDS; band++) {
      assertThat(MinHash.bucket(one, band)).isEqualTo(MinHash.bucket(two, band));
    }
  }

  @Test
  void disjointSetsShareNoBucket() {
    int[] one = MinHash.signature(range(0, 200));
    int[] two = MinHash.signature(range(1000, 1200));

    Set<Long> buckets = new HashSet<>();
    for (int band = 0; band < MinHash.BANDS; band++) {
      buckets.add(MinHash.bucket(one, band));
    }
    for (int band = 0; band < MinHash.BANDS; band++) {
      assertThat(buckets).doesNotContain(MinHash.bucket(two, band));
    }
  }

  @Test
  void signatureSurvivesItsStoredForm() {
    int[] signature = MinHash.signature(range(7, 77));

    assertThat(MinHash.decode(MinHash.encode(signature))).containsExactly(signature);
  }

  @Test
  void sameBandValuesInDifferentBandsAreDifferentBuckets() {
    int[] flat = new int[MinHash.SIZE];
    Arrays.fill(flat, 42);

    Set<Long> buckets = java.util.stream.IntStream.range(0, MinHash.BANDS).mapToObj(band -> MinHash.bucket(flat, band))
        .collect(Collectors.toSet());

    assertThat(buckets).hasSize(MinHash.BANDS);
  }

  private static long[] range(int from, int to) {
    long[] values = new long[to - from];
    for (int i = from; i < to; i++) {
      values[i - from] = Shingles.hash("shingle-" + i);
    }
    return values;
  }
}
