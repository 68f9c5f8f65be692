package io.eurus.processor.tone;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pretrained sentence encoder run in-process with ONNX Runtime: bge-small-en-v1.5 (BAAI, MIT; quantized), from
 * LangChain4j's packaged model jar on Maven Central. A sentence becomes the encoder's output at its [CLS] piece,
 * normalised to length 1 — the pooling bge's authors trained it for. It replaced all-MiniLM-L6-v2 (mean-pooled),
 * which took half the CPU but was 0.8–8.4 points less accurate on every English test split with the same head
 * (BENCHMARKS.md, relations tone). Thread-safe: ONNX Runtime sessions may be run from several threads at once.
 *
 * <p>One intra-op thread per call: the processor's stream threads already keep the cores busy, and a single
 * thread also keeps the arithmetic in one order, so the same sentence always gives the same vector (the
 * training command depends on that for byte-identical weights).
 */
public final class SentenceEncoder implements AutoCloseable {

  public static final String BGE_SMALL = "bge-small-en-v1.5-q";
  /**
   * Word pieces read per sentence; longer sentences are cut there (and counted). bge reads up to 512, but a news
   * sentence rarely has more than 128 pieces (68 of the 15,142 English training sentences) and the cost grows with the
   * square of the length.
   */
  public static final int MAX_TOKENS = 128;

  private final String name;
  private final HuggingFaceTokenizer tokenizer;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final boolean typeIds;
  private final int dimension;
  private final AtomicLong truncated = new AtomicLong();
  private final AtomicLong encoded = new AtomicLong();

  private SentenceEncoder(String name, HuggingFaceTokenizer tokenizer, OrtEnvironment environment, OrtSession session,
      int dimension) {
    this.name = name;
    this.tokenizer = tokenizer;
    this.environment = environment;
    this.session = session;
    this.typeIds = session.getInputNames().contains("token_type_ids");
    this.dimension = dimension;
  }

  /**
   * The bundled bge-small-en-v1.5 (quantized).
   *
   * @throws StartupException naming the model or tokenizer file when it is missing or unreadable
   */
  public static SentenceEncoder bgeSmall() {
    return load(BGE_SMALL, BGE_SMALL + ".onnx", BGE_SMALL + "-tokenizer.json", 384);
  }

  static SentenceEncoder load(String name, String modelResource, String tokenizerResource, int dimension) {
    HuggingFaceTokenizer tokenizer;
    try (InputStream in = resource(tokenizerResource)) {
      tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true",
          "maxLength", String.valueOf(MAX_TOKENS)));
    } catch (IOException | RuntimeException e) {
      throw new StartupException("tone encoder tokenizer " + tokenizerResource + " cannot be read: " + oneLine(e), e);
    }
    byte[] model;
    try (InputStream in = resource(modelResource)) {
      model = in.readAllBytes();
    } catch (IOException e) {
      throw new StartupException("tone encoder model " + modelResource + " cannot be read: " + oneLine(e), e);
    }
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      return new SentenceEncoder(name, tokenizer, environment, environment.createSession(model, options), dimension);
    } catch (OrtException | RuntimeException e) {
      throw new StartupException("tone encoder model " + modelResource + " is not a usable ONNX model: " + oneLine(e), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("not on the classpath (the encoder's Maven artifact is missing)");
    }
    return in;
  }

  public String name() {
    return name;
  }

  public int dimension() {
    return dimension;
  }

  /** Sentences cut at {@value #MAX_TOKENS} word pieces so far. */
  public long truncated() {
    return truncated.get();
  }

  /** Sentences encoded so far. */
  public long encoded() {
    return encoded.get();
  }

  /**
   * The sentences' vectors, in order, each encoded on its own. A sentence's vector must depend on the sentence
   * alone: the quantized model scales its activations per call, so in a batch a sentence came out differently
   * beside a longer one (a tone of -0.800 alone, -0.845 in a batch). The cache, the replay that must raise what the
   * live run raised, and a restart on empty state all rely on a sentence always having one tone.
   *
   * @throws EncoderException when ONNX Runtime fails on a sentence
   */
  public float[][] encode(List<String> sentences) {
    float[][] vectors = new float[sentences.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = normalised(hidden(tokenized(sentences.get(i)).getIds())[0]);
    }
    encoded.addAndGet(vectors.length);
    return vectors;
  }

  /**
   * One sentence's word pieces as the encoder leaves them: its vector is the first's ([CLS]). Counted as an
   * encoding.
   *
   * @throws EncoderException when ONNX Runtime fails on it
   */
  public Pieces pieces(String sentence) {
    Encoding encoding = tokenized(sentence);
    long[] ids = encoding.getIds();
    float[][] hidden = hidden(ids);
    CharSpan[] spans = encoding.getCharTokenSpans();
    int[] starts = new int[ids.length];
    int[] ends = new int[ids.length];
    int points = sentence.codePointCount(0, sentence.length());
    for (int t = 0; t < ids.length; t++) {
      // The tokenizer counts code points; [CLS] and [SEP] have no span and stand nowhere in the text (-1).
      boolean placed = spans[t] != null && spans[t].getEnd() > spans[t].getStart() && spans[t].getEnd() <= points;
      starts[t] = placed ? sentence.offsetByCodePoints(0, spans[t].getStart()) : -1;
      ends[t] = placed ? sentence.offsetByCodePoints(0, spans[t].getEnd()) : -1;
    }
    encoded.incrementAndGet();
    return new Pieces(hidden, starts, ends);
  }

  /**
   * A sentence's word-piece vectors (its [CLS] and [SEP] too) and where each piece stands in the text, in chars.
   */
  public record Pieces(float[][] vectors, int[] starts, int[] ends) {

    /** The sentence's vector: its [CLS] piece's, normalised. */
    public float[] vector() {
      return normalised(vectors[0].clone());
    }

    /**
     * A cheap guess at the sentence's vector with the words in chars [from, to) left out, for ranking which words
     * to try: the [CLS] vector moved by as much as the mean of the pieces moves without those words' pieces (the
     * [CLS] piece is what the encoder makes of all the others; to first order it moves with them), as if leaving
     * the words out changed nothing of the other pieces' context. Only a ranking rests on it: the words ranked
     * first are then left out for real and encoded ({@link Occlusion}).
     */
    public float[] without(int from, int to) {
      boolean[] skip = new boolean[vectors.length];
      for (int t = 0; t < skip.length; t++) {
        skip[t] = starts[t] >= from && ends[t] <= to;
      }
      float[] all = mean(vectors, null);
      float[] rest = mean(vectors, skip);
      float[] moved = vectors[0].clone();
      for (int d = 0; d < moved.length; d++) {
        moved[d] += rest[d] - all[d];
      }
      return normalised(moved);
    }
  }

  /** The sentence's word pieces, cut at {@value #MAX_TOKENS} (counted). */
  private Encoding tokenized(String sentence) {
    Encoding encoding = tokenizer.encode(sentence);
    if (encoding.exceedMaxLength()) {
      truncated.incrementAndGet();
    }
    return encoding;
  }

  /** The encoder's output per word piece of one sentence, run on its own (see {@link #encode}). */
  private float[][] hidden(long[] ids) {
    long[][] mask = new long[1][ids.length];
    java.util.Arrays.fill(mask[0], 1L);
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, new long[][] {ids});
        OnnxTensor attention = OnnxTensor.createTensor(environment, mask);
        OnnxTensor types = OnnxTensor.createTensor(environment, new long[1][ids.length])) {
      Map<String, OnnxTensor> inputs = typeIds
          ? Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
          : Map.of("input_ids", inputIds, "attention_mask", attention);
      try (OrtSession.Result result = session.run(inputs)) {
        return ((float[][][]) result.get(0).getValue())[0];
      }
    } catch (OrtException | RuntimeException e) {
      throw new EncoderException("the tone encoder failed on a sentence of " + ids.length + " word pieces: " + oneLine(e), e);
    }
  }

  /** The mean of the piece vectors but those {@code skip} marks (null: none). */
  private static float[] mean(float[][] tokens, boolean[] skip) {
    int dimension = tokens[0].length;
    float[] vector = new float[dimension];
    int count = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (skip != null && skip[t]) {
        continue;
      }
      count++;
      for (int d = 0; d < dimension; d++) {
        vector[d] += tokens[t][d];
      }
    }
    for (int d = 0; count > 0 && d < dimension; d++) {
      vector[d] /= count;
    }
    return vector;
  }

  /** The vector scaled to length 1, in place (a zero vector stays zero). */
  private static float[] normalised(float[] vector) {
    double norm = 0;
    for (float x : vector) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < vector.length; d++) {
      vector[d] *= scale;
    }
    return vector;
  }

  static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // closing at shutdown: nothing left to do with the session either way
    }
    tokenizer.close();
  }

  /** ONNX Runtime failed on sentences that were well-formed text: the article goes to the dead letters. */
  public static final class EncoderException extends RuntimeException {
    public EncoderException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
