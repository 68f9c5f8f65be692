package io.eurus.processor.tone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;

/**
 * General English sentiment: VADER (Hutto and Gilbert, ICWSM 2014) — its lexicon, read from the
 * {@code vader-sentiment-analyzer} jar, and its rules as in the reference implementation (vaderSentiment 3.3.2):
 * boosters and dampeners, negation within three words, "least", idioms, ALL-CAPS emphasis, the contrastive
 * "but", exclamation and question marks. Unlike the library it keeps each word's final valence, so a score can
 * say which words made it.
 */
public final class VaderPolarity {

  /** A word of the text and its valence after VADER's rules, at {@code [start, end)} of the text. */
  public record Word(String text, int start, int end, double valence) {
  }

  /** The compound score in [-1, 1] and the words that made it. */
  public record Score(double compound, List<Word> words) {
  }

  static final double B_INCR = 0.293;
  static final double B_DECR = -0.293;
  static final double C_INCR = 0.733;
  static final double N_SCALAR = -0.74;

  private static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
      "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
      "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
      "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant",
      "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
      "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

  private static final Map<String, Double> BOOSTERS = new HashMap<>();

  static {
    for (String word : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
        "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
        "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking",
        "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella",
        "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly",
        "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
        "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very")) {
      BOOSTERS.put(word, B_INCR);
    }
    for (String word : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
        "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
        "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
      BOOSTERS.put(word, B_DECR);
    }
  }

  private static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
      "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
      "beating heart", 3.1, "broken heart", -2.9);

  private static final Map<String, List<Phrase>> SPECIAL_CASES_BY_FIRST = byFirstWord(SPECIAL_CASES);
  private static final Map<String, List<Phrase>> BOOSTER_PHRASES_BY_FIRST = byFirstWord(BOOSTERS);

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private static final Score NEUTRAL = new Score(0, List.of());

  private final Map<String, Double> lexicon;
  private final CharArraySet lexiconWords;

  private VaderPolarity(Map<String, Double> lexicon) {
    this.lexicon = lexicon;
    this.lexiconWords = new CharArraySet(lexicon.keySet(), false);
  }

  /** VADER's lexicon as the {@code vader-sentiment-analyzer} jar ships it. */
  public static VaderPolarity fromBundledLexicon() {
    Map<String, Double> lexicon = new HashMap<>();
    try (InputStream in = VaderPolarity.class.getResourceAsStream("/vader_sentiment_lexicon.txt")) {
      if (in == null) {
        throw new IllegalStateException("vader_sentiment_lexicon.txt is missing: is vader-sentiment-analyzer on the class path?");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] parts = line.split("\t");
        if (parts.length >= 2) {
          lexicon.put(parts[0], Double.parseDouble(parts[1]));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("VADER lexicon unreadable", e);
    }
    return new VaderPolarity(lexicon);
  }

  /** VADER's normalisation of a sum of valences into [-1, 1]. */
  public static double normalize(double score, double alpha) {
    return Math.max(-1, Math.min(1, score / Math.sqrt(score * score + alpha)));
  }

  public Score score(String text) {
    if (!hasLexiconWord(text)) {
      return NEUTRAL; // what the rules below give a text without a lexicon word, at a fraction of the cost
    }
    List<Word> tokens = words(text);
    List<String> lower = tokens.stream().map(w -> w.text().toLowerCase(Locale.ROOT)).toList();
    boolean capDifferential = capDifferential(tokens);
    double[] sentiments = new double[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      String item = lower.get(i);
      if (BOOSTERS.containsKey(item)
          || (i < tokens.size() - 1 && item.equals("kind") && lower.get(i + 1).equals("of"))) {
        continue;
      }
      sentiments[i] = valence(tokens, lower, i, capDifferential);
    }
    int but = lower.indexOf("but");
    if (but >= 0) {
      for (int i = 0; i < sentiments.length; i++) {
        sentiments[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
      }
    }
    double sum = 0;
    List<Word> scored = new ArrayList<>();
    for (int i = 0; i < sentiments.length; i++) {
      sum += sentiments[i];
      if (sentiments[i] != 0) {
        Word token = tokens.get(i);
        scored.add(new Word(token.text(), token.start(), token.end(), sentiments[i]));
      }
    }
    double emphasis = punctuationEmphasis(text);
    if (sum > 0) {
      sum += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
    }
    return new Score(sentiments.length == 0 ? 0 : normalize(sum, 15), scored);
  }

  private double valence(List<Word> tokens, List<String> lower, int i, boolean capDifferential) {
    String item = lower.get(i);
    Double base = lexicon.get(item);
    if (base == null) {
      return 0;
    }
    double valence = base;
    if (item.equals("no") && i != tokens.size() - 1 && lexicon.containsKey(lower.get(i + 1))) {
      valence = 0.0;
    }
    // Unlike vaderSentiment 3.3.2, a "no" after "no" is emphasis, not a double negation: "NO NO NO" stays negative.
    boolean repeatedNo = item.equals("no");
    if (!repeatedNo && ((i > 0 && lower.get(i - 1).equals("no")) || (i > 1 && lower.get(i - 2).equals("no"))
        || (i > 2 && lower.get(i - 3).equals("no") && (lower.get(i - 1).equals("or") || lower.get(i - 1).equals("nor"))))) {
      valence = base * N_SCALAR;
    }
    String word = tokens.get(i).text();
    if (isUpper(word) && capDifferential) {
      valence += valence > 0 ? C_INCR : -C_INCR;
    }
    for (int startI = 0; startI < 3; startI++) {
      if (i > startI && !lexicon.containsKey(lower.get(i - (startI + 1)))) {
        double s = scalarIncDec(tokens.get(i - (startI + 1)).text(), lower.get(i - (startI + 1)), valence, capDifferential);
        if (startI == 1 && s != 0) {
          s *= 0.95;
        }
        if (startI == 2 && s != 0) {
          s *= 0.9;
        }
        valence += s;
        valence = negationCheck(valence, lower, startI, i);
        if (startI == 2) {
          valence = idiomsCheck(valence, lower, i);
        }
      }
    }
    return leastCheck(valence, lower, i);
  }

  private double leastCheck(double valence, List<String> lower, int i) {
    if (i > 1 && !lexicon.containsKey(lower.get(i - 1)) && lower.get(i - 1).equals("least")) {
      if (!lower.get(i - 2).equals("at") && !lower.get(i - 2).equals("very")) {
        return valence * N_SCALAR;
      }
    } else if (i > 0 && !lexicon.containsKey(lower.get(i - 1)) && lower.get(i - 1).equals("least")) {
      return valence * N_SCALAR;
    }
    return valence;
  }

  private static double negationCheck(double valence, List<String> lower, int startI, int i) {
    if (startI == 0) {
      if (negated(lower.get(i - 1))) {
        return valence * N_SCALAR;
      }
    } else if (startI == 1) {
      if (lower.get(i - 2).equals("never") && (lower.get(i - 1).equals("so") || lower.get(i - 1).equals("this"))) {
        return valence * 1.25;
      } else if (lower.get(i - 2).equals("without") && lower.get(i - 1).equals("doubt")) {
        return valence;
      } else if (negated(lower.get(i - 2))) {
        return valence * N_SCALAR;
      }
    } else {
      if ((lower.get(i - 3).equals("never") && (lower.get(i - 2).equals("so") || lower.get(i - 2).equals("this")))
          || lower.get(i - 1).equals("so") || lower.get(i - 1).equals("this")) {
        return valence * 1.25;
      } else if (lower.get(i - 3).equals("without") && (lower.get(i - 2).equals("doubt") || lower.get(i - 1).equals("doubt"))) {
        return valence;
      } else if (negated(lower.get(i - 3))) {
        return valence * N_SCALAR;
      }
    }
    return valence;
  }

  static boolean negated(String lowerWord) {
    return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
  }

  private static double idiomsCheck(double valence, List<String> lower, int i) {
    // In VADER's order: the first idiom ending at or just before the word wins, one starting at it overrides.
    int[][] before = {{i - 1, 2}, {i - 2, 3}, {i - 2, 2}, {i - 3, 3}, {i - 3, 2}};
    for (int[] sequence : before) {
      Double special = phrase(SPECIAL_CASES_BY_FIRST, lower, sequence[0], sequence[1]);
      if (special != null) {
        valence = special;
        break;
      }
    }
    if (lower.size() - 1 > i) {
      Double special = phrase(SPECIAL_CASES_BY_FIRST, lower, i, 2);
      if (special != null) {
        valence = special;
      }
    }
    if (lower.size() - 1 > i + 1) {
      Double special = phrase(SPECIAL_CASES_BY_FIRST, lower, i, 3);
      if (special != null) {
        valence = special;
      }
    }
    for (int[] sequence : new int[][] {{i - 3, 3}, {i - 3, 2}, {i - 2, 2}}) {
      Double booster = phrase(BOOSTER_PHRASES_BY_FIRST, lower, sequence[0], sequence[1]);
      if (booster != null) {
        valence += booster;
      }
    }
    return valence;
  }

  /** The value of the phrase of {@code length} words at {@code from}, if the table has it (no string is built). */
  private static Double phrase(Map<String, List<Phrase>> byFirstWord, List<String> lower, int from, int length) {
    List<Phrase> candidates = byFirstWord.get(lower.get(from));
    if (candidates == null) {
      return null;
    }
    for (Phrase phrase : candidates) {
      if (phrase.words().length == length && matches(phrase.words(), lower, from)) {
        return phrase.value();
      }
    }
    return null;
  }

  private static boolean matches(String[] words, List<String> lower, int from) {
    for (int k = 1; k < words.length; k++) {
      if (!words[k].equals(lower.get(from + k))) {
        return false;
      }
    }
    return true;
  }

  private record Phrase(String[] words, double value) {
  }

  private static Map<String, List<Phrase>> byFirstWord(Map<String, Double> phrases) {
    Map<String, List<Phrase>> index = new HashMap<>();
    phrases.forEach((text, value) -> {
      String[] words = text.split(" ");
      if (words.length > 1) {
        index.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Phrase(words, value));
      }
    });
    return index;
  }

  private static double scalarIncDec(String word, String lowerWord, double valence, boolean capDifferential) {
    Double booster = BOOSTERS.get(lowerWord);
    if (booster == null) {
      return 0;
    }
    double scalar = valence < 0 ? -booster : booster;
    if (isUpper(word) && capDifferential) {
      scalar += valence > 0 ? C_INCR : -C_INCR;
    }
    return scalar;
  }

  private static double punctuationEmphasis(String text) {
    int exclamations = 0;
    int questions = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      exclamations += c == '!' ? 1 : 0;
      questions += c == '?' ? 1 : 0;
    }
    exclamations = Math.min(4, exclamations);
    double questionAmplifier = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
    return exclamations * 0.292 + questionAmplifier;
  }

  private static boolean capDifferential(List<Word> words) {
    long caps = words.stream().filter(w -> isUpper(w.text())).count();
    long differential = words.size() - caps;
    return differential > 0 && differential < words.size();
  }

  /** Python's str.isupper(): at least one cased character, and no lower-case one. */
  private static boolean isUpper(String word) {
    boolean cased = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      cased |= Character.isUpperCase(c);
    }
    return cased;
  }

  /** Whether a word of {@code text}, cut as {@link #words} cuts it and lower-cased, is in the lexicon. */
  private boolean hasLexiconWord(String text) {
    char[][] lower = {new char[16]};
    return anyWord(text, (start, end) -> {
      int length = end - start;
      if (lower[0].length < length) {
        lower[0] = new char[length];
      }
      text.getChars(start, end, lower[0], 0);
      CharacterUtils.toLowerCase(lower[0], 0, length);
      return lexiconWords.contains(lower[0], 0, length);
    });
  }

  /** Whitespace-separated tokens, each {@linkplain #cut cut} from the punctuation around it. */
  static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    anyWord(text, (start, end) -> {
      words.add(new Word(text.substring(start, end), start, end, 0));
      return false;
    });
    return words;
  }

  /** A word of a text at [start, end); true to stop at it. */
  private interface WordTest {
    boolean test(int start, int end);
  }

  /** Whether {@code test} holds for a word of {@code text}, trying the words in order (the one place words are split). */
  private static boolean anyWord(String text, WordTest test) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (start < i) {
        int[] cut = cut(text, start, i);
        if (test.test(cut[0], cut[1])) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The word at [start, end) without the punctuation around it, unless that leaves two characters or fewer: then
   * it is kept whole, as VADER keeps ":)" or ":D". Unlike vaderSentiment 3.3.2, two letters left are a word, not an
   * emoticon ("No." is "no", "ok!" is "ok"): VADER's rule exists for emoticons, and none of its lexicon's emoticons
   * strips to two letters, so 3.3.2 loses these words to the rule by accident.
   */
  private static int[] cut(String text, int start, int end) {
    int from = start;
    int to = end;
    while (from < to && PUNCTUATION.indexOf(text.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && PUNCTUATION.indexOf(text.charAt(to - 1)) >= 0) {
      to--;
    }
    boolean twoLetterWord = to - from == 2 && Character.isLetter(text.charAt(from)) && Character.isLetter(text.charAt(from + 1));
    return to - from <= 2 && !twoLetterWord ? new int[] {start, end} : new int[] {from, to};
  }
}
