package io.eurus.processor.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * The trained part of a language's tone model: a multinomial logistic regression over the encoder's sentence
 * vector (when the language has an encoder) and the sentence's hashed words ({@link TextFeatures}), with three
 * classes, conflict / neutral / cooperation. Written and read as one JSON file; each class's weights are stored
 * as signed bytes with one scale per class and block (the head is a few hundred KB instead of a few MB; the
 * evaluation scores with the stored, rounded weights, so its figures are the shipped head's).
 */
public final class ToneHead {

  static final int FORMAT = 1;
  public static final int CLASSES = 3;

  private final String language;
  private final String encoder;
  private final TextFeatures features;
  private final float[] bias;
  private final float[][] dense;
  private final float[][] sparse;
  private final JsonNode training;

  /**
   * @param encoder  the encoder's name, or null when the head reads only the words
   * @param dense    [class][dimension] weights on the encoder's vector (empty rows when no encoder)
   * @param sparse   [class][bucket] weights on the hashed words
   * @param training what it was trained on and how (for the record; not read back)
   */
  public ToneHead(String language, String encoder, TextFeatures features, float[] bias, float[][] dense, float[][] sparse,
      JsonNode training) {
    this.language = language;
    this.encoder = encoder;
    this.features = features;
    this.bias = bias;
    this.dense = dense;
    this.sparse = sparse;
    this.training = training;
  }

  public String language() {
    return language;
  }

  /** The encoder whose vectors this head reads, or null. */
  public String encoder() {
    return encoder;
  }

  public TextFeatures features() {
    return features;
  }

  public JsonNode training() {
    return training;
  }

  /** Class probabilities for a sentence's vector (null when the head reads only words) and its hashed words. */
  public ToneEstimate estimate(float[] vector, TextFeatures.Bag words) {
    double[] logits = new double[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      double z = bias[c];
      if (vector != null) {
        float[] w = dense[c];
        for (int d = 0; d < w.length; d++) {
          z += w[d] * vector[d];
        }
      }
      float[] s = sparse[c];
      double sum = 0;
      for (int bucket : words.buckets()) {
        sum += s[bucket];
      }
      logits[c] = z + sum * words.value();
    }
    softmax(logits);
    return new ToneEstimate(logits[0], logits[1], logits[2]);
  }

  /** Turns the three classes' logits into probabilities, in place (shifted by the largest, so none overflows). */
  public static void softmax(double[] logits) {
    double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
    double total = 0;
    for (int c = 0; c < CLASSES; c++) {
      logits[c] = Math.exp(logits[c] - max);
      total += logits[c];
    }
    for (int c = 0; c < CLASSES; c++) {
      logits[c] /= total;
    }
  }

  /** The head as JSON, weights rounded to signed bytes: what {@link #read} reads back exactly. */
  public byte[] toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT);
    root.put("language", language);
    if (encoder != null) {
      root.put("encoder", encoder);
      root.put("maxTokens", SentenceEncoder.MAX_TOKENS);
    }
    root.putObject("features").put("buckets", features.buckets()).put("characters", features.characters());
    root.putArray("classes").add("conflict").add("neutral").add("cooperation");
    ArrayNodes.floats(root.putArray("bias"), bias);
    if (encoder != null) {
      quantized(root.putObject("dense"), dense);
    }
    quantized(root.putObject("sparse"), sparse);
    if (training != null) {
      root.set("training", training);
    }
    try {
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the tone head", e);
    }
  }

  private static void quantized(ObjectNode node, float[][] weights) {
    float[] scales = new float[weights.length];
    byte[] bytes = new byte[weights.length * weights[0].length];
    for (int c = 0; c < weights.length; c++) {
      float max = 0;
      for (float w : weights[c]) {
        max = Math.max(max, Math.abs(w));
      }
      scales[c] = max == 0 ? 0 : max / 127f;
      for (int i = 0; i < weights[c].length; i++) {
        bytes[c * weights[c].length + i] = scales[c] == 0 ? 0 : (byte) Math.round(weights[c][i] / scales[c]);
      }
    }
    node.put("size", weights[0].length);
    ArrayNodes.floats(node.putArray("scale"), scales);
    node.put("bytes", Base64.getEncoder().encodeToString(bytes));
  }

  /** The weights as the file stores them: what scoring with a freshly trained head must use too. */
  public ToneHead rounded() {
    return read(new java.io.ByteArrayInputStream(toJson()), "(in memory)");
  }

  /**
   * @param name the file's name, for the one-line error
   * @throws StartupException naming the file when it is not a tone head
   */
  public static ToneHead read(InputStream in, String name) {
    try {
      JsonNode root = new ObjectMapper().readTree(in);
      if (root == null || root.path("format").asInt() != FORMAT) {
        throw new StartupException("tone model " + name + " is not a tone head of format " + FORMAT);
      }
      JsonNode features = root.path("features");
      TextFeatures textFeatures = new TextFeatures(features.path("buckets").asInt(), features.path("characters").asBoolean());
      String encoder = root.hasNonNull("encoder") ? root.get("encoder").asText() : null;
      float[] bias = ArrayNodes.floats(root.path("bias"), CLASSES);
      float[][] sparse = dequantized(root.path("sparse"), textFeatures.buckets());
      float[][] dense = encoder == null ? new float[CLASSES][0] : dequantized(root.path("dense"), root.path("dense").path("size").asInt());
      return new ToneHead(root.path("language").asText(), encoder, textFeatures, bias, dense, sparse, root.get("training"));
    } catch (IOException | RuntimeException e) {
      if (e instanceof StartupException startup) {
        throw startup;
      }
      throw new StartupException("tone model " + name + " cannot be read: " + SentenceEncoder.oneLine(e), e);
    }
  }

  private static float[][] dequantized(JsonNode node, int size) {
    if (node.path("size").asInt() != size) {
      throw new IllegalArgumentException("weights of size " + node.path("size").asInt() + " where " + size + " are needed");
    }
    float[] scales = ArrayNodes.floats(node.path("scale"), CLASSES);
    byte[] bytes = Base64.getDecoder().decode(node.path("bytes").asText());
    if (bytes.length != CLASSES * size) {
      throw new IllegalArgumentException(bytes.length + " weights where " + CLASSES * size + " are needed");
    }
    float[][] weights = new float[CLASSES][size];
    for (int c = 0; c < CLASSES; c++) {
      for (int i = 0; i < size; i++) {
        weights[c][i] = bytes[c * size + i] * scales[c];
      }
    }
    return weights;
  }

  /** Float arrays to and from JSON. */
  private static final class ArrayNodes {
    static void floats(com.fasterxml.jackson.databind.node.ArrayNode array, float[] values) {
      for (float value : values) {
        array.add(value);
      }
    }

    static float[] floats(JsonNode array, int size) {
      if (!array.isArray() || array.size() != size) {
        throw new IllegalArgumentException("expected " + size + " numbers, found " + array);
      }
      float[] values = new float[size];
      for (int i = 0; i < size; i++) {
        values[i] = (float) array.get(i).asDouble();
      }
      return values;
    }
  }
}
