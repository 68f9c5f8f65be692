package io.eurus.processor.tone;

import io.eurus.events.TermWeight;
import java.util.ArrayList;
import java.util.List;

/**
 * One language's relations-tone model: the sentence encoder (if the head reads one) and the trained head, with a
 * bounded cache of the sentences seen lately. Thread-safe.
 */
public final class ToneModel {

  private final ToneHead head;
  private final SentenceEncoder encoder;
  private final BoundedCache<String, ToneEstimate> cache;
  private final BoundedCache<String, List<TermWeight>> explanations;

  /**
   * @param encoder the encoder the head was trained on, or null when the head reads only words
   * @param cacheSize sentences whose estimates are kept; 0 keeps none
   */
  public ToneModel(ToneHead head, SentenceEncoder encoder, int cacheSize) {
    if ((head.encoder() == null) != (encoder == null) || encoder != null && !encoder.name().equals(head.encoder())) {
      throw new IllegalArgumentException("the " + head.language() + " tone head reads " + head.encoder()
          + " vectors, given " + (encoder == null ? "no encoder" : encoder.name()));
    }
    this.head = head;
    this.encoder = encoder;
    this.cache = cacheSize > 0 ? new BoundedCache<>(cacheSize) : null;
    // Explanations are asked for far fewer sentences (those that moved an article most): a tenth of the room.
    this.explanations = cacheSize > 0 ? new BoundedCache<>(Math.max(1, cacheSize / 10)) : null;
  }

  public String language() {
    return head.language();
  }

  /** Whether the head reads the encoder's vector (else only the sentence's words). */
  boolean encodes() {
    return encoder != null;
  }

  /** What the tone comes from, as the enriched article names it: e.g. {@code model:en:all-minilm-l6-v2-q}. */
  public String source() {
    return "model:" + head.language() + (encoder == null ? ":words" : ":" + encoder.name());
  }

  public ToneEstimate estimate(String sentence) {
    return estimate(List.of(sentence)).get(0);
  }

  /** The sentences' estimates in order; the ones not in the cache are encoded together in batches. */
  public List<ToneEstimate> estimate(List<String> sentences) {
    ToneEstimate[] estimates = new ToneEstimate[sentences.size()];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < estimates.length; i++) {
      estimates[i] = cache == null ? null : cache.get(sentences.get(i));
      if (estimates[i] == null) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<String> texts = missing.stream().map(sentences::get).toList();
      List<ToneEstimate> fresh = estimateUncached(texts);
      for (int k = 0; k < missing.size(); k++) {
        estimates[missing.get(k)] = fresh.get(k);
        if (cache != null) {
          cache.put(texts.get(k), fresh.get(k));
        }
      }
    }
    return List.of(estimates);
  }

  /**
   * The words or phrases that moved the sentence's score most ({@link Occlusion}), kept for the sentences
   * explained lately: a syndicated copy's explanation is not computed again.
   */
  public List<TermWeight> explain(String sentence, ToneEstimate estimate, int limit) {
    String key = limit + "\u0000" + sentence;
    List<TermWeight> terms = explanations == null ? null : explanations.get(key);
    if (terms == null) {
      terms = Occlusion.explain(this, sentence, estimate, limit);
      if (explanations != null) {
        explanations.put(key, terms);
      }
    }
    return terms;
  }

  /** Estimates without the cache: for explanations, whose masked variants are seen once. */
  List<ToneEstimate> estimateUncached(List<String> sentences) {
    float[][] vectors = encoder == null ? null : encoder.encode(sentences);
    List<ToneEstimate> estimates = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      estimates.add(head.estimate(vectors == null ? null : vectors[i], head.features().of(sentences.get(i))));
    }
    return estimates;
  }

  /**
   * Cheap guesses of how far leaving each word out moves the sentence's score (score with it − score without),
   * from one encoding of the sentence: each word's own word pieces are taken out of the mean that is the
   * sentence's vector, as if leaving the word out changed nothing of the other pieces' context, and the hashed
   * words are those of the sentence without it. For a head that reads only words this is the effect itself, and
   * nothing is encoded.
   *
   * @param words  where each word starts and ends in the sentence, in chars
   * @param masked the sentence without each word, in the same order
   */
  double[] guessedEffects(String sentence, List<int[]> words, List<String> masked) {
    SentenceEncoder.Pieces pieces = encoder == null ? null : encoder.pieces(sentence);
    double whole = head.estimate(pieces == null ? null : pieces.vector(), head.features().of(sentence)).score();
    double[] effects = new double[words.size()];
    for (int i = 0; i < effects.length; i++) {
      float[] vector = pieces == null ? null : pieces.without(words.get(i)[0], words.get(i)[1]);
      effects[i] = whole - head.estimate(vector, head.features().of(masked.get(i))).score();
    }
    return effects;
  }

  /** Sentences answered from the cache, and encoded, so far. */
  public long cacheHits() {
    return cache == null ? 0 : cache.hits();
  }

  public long cacheMisses() {
    return cache == null ? 0 : cache.misses();
  }
}
