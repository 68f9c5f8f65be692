package io.eurus.processor.text;

import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.tartarus.snowball.SnowballStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The languages Eurus analyses, each with its Snowball stemmer: {@code en:english,ru:russian} by default, more
 * by configuration. One place builds the analysis chains, so rules, actors and the tone lexicon all stem words
 * the same way and an alias written "Россия" finds "России" and "Россией".
 */
public final class Languages {

  /** The language of texts whose language is unknown or not configured: words are lower-cased, not stemmed. */
  public static final String FALLBACK = "und";

  /** Suffix of the unstemmed twin of a field, searched by wildcard and prefix queries. */
  public static final String EXACT_SUFFIX = ".exact";

  private final Map<String, String> stemmers;

  private Languages(Map<String, String> stemmers) {
    this.stemmers = stemmers;
  }

  public static Languages defaults() {
    return parse(List.of("en:english", "ru:russian"));
  }

  /**
   * Reads {@code code:stemmer} entries (stemmer as Lucene's Snowball names it: english, russian, german …).
   *
   * @throws StartupException naming every bad entry at once
   */
  public static Languages parse(List<String> entries) {
    Map<String, String> stemmers = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String entry : entries) {
      String[] parts = entry.trim().split(":", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        problems.add("'" + entry + "' is not code:stemmer (e.g. de:german)");
        continue;
      }
      String stemmer = parts[1].trim().toLowerCase(Locale.ROOT);
      if (stemmerClass(stemmer) == null) {
        problems.add("'" + entry + "': no Snowball stemmer named " + stemmer);
        continue;
      }
      stemmers.put(parts[0].trim().toLowerCase(Locale.ROOT), stemmer);
    }
    if (!problems.isEmpty()) {
      throw new StartupException("languages: " + String.join("; ", problems));
    }
    return new Languages(stemmers);
  }

  private static SnowballStemmer newStemmer(String stemmer) {
    try {
      return (SnowballStemmer) Class.forName(stemmerClass(stemmer)).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Snowball stemmer " + stemmer + " checked at start-up, now missing", e);
    }
  }

  private static String stemmerClass(String stemmer) {
    String name = "org.tartarus.snowball.ext." + Character.toUpperCase(stemmer.charAt(0)) + stemmer.substring(1) + "Stemmer";
    try {
      Class.forName(name);
      return name;
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  public Set<String> codes() {
    return stemmers.keySet();
  }

  public boolean supports(String language) {
    return stemmers.containsKey(language);
  }

  /** The configured language, or {@link #FALLBACK} for an unknown one. */
  public String resolve(String language) {
    return language != null && stemmers.containsKey(language.toLowerCase(Locale.ROOT))
        ? language.toLowerCase(Locale.ROOT) : FALLBACK;
  }

  /** Lower-cases, keeps every word (no stop words: "not" matters to tone and phrases), then stems. */
  public Analyzer stemming(String language) {
    String stemmer = stemmers.get(language);
    boolean english = "english".equals(stemmer) || "porter".equals(stemmer);
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = english ? new EnglishPossessiveFilter(source) : source;
        return new TokenStreamComponents(source, new CachedStemFilter(normalise(stream), stemmer == null ? null : newStemmer(stemmer)));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return normalise(in);
      }
    };
  }

  /** Lower-cases only: the unstemmed field that wildcards search, so {@code санкци*} sees "санкции", not "санкц". */
  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, normalise(source));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return normalise(in);
      }
    };
  }

  /** For Lucene Monitor: fields named {@code x.exact} unstemmed, every other field stemmed in {@code language}. */
  public Analyzer monitorAnalyzer(String language, List<String> fields) {
    Map<String, Analyzer> exact = new LinkedHashMap<>();
    Analyzer unstemmed = exact();
    fields.forEach(field -> exact.put(field + EXACT_SUFFIX, unstemmed));
    return new PerFieldAnalyzerWrapper(stemming(language), exact);
  }

  private static TokenStream normalise(TokenStream in) {
    return new YoFilter(new LowerCaseFilter(in));
  }

  /**
   * Snowball stemming with a memory of the words it has stemmed: news repeats its words, and a hash lookup is
   * several times cheaper than running the stemmer. It also hands out the stem as a shared String, so reading a
   * text into {@link Token}s allocates no string per word for it. One per analysis chain, so per thread; bounded.
   */
  private static final class CachedStemFilter extends org.apache.lucene.analysis.TokenFilter {
    private static final int MAX_WORDS = 50_000;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final SnowballStemmer stemmer;
    private final CharArrayMap<String> stems = new CharArrayMap<>(1024, false);
    private String stem;

    /** @param stemmer null to keep words as they are (a language without a stemmer) */
    CachedStemFilter(TokenStream in, SnowballStemmer stemmer) {
      super(in);
      this.stemmer = stemmer;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        stem = null;
        return false;
      }
      stem = stems.get(term.buffer(), 0, term.length());
      if (stem == null) {
        String word = term.toString();
        if (stemmer == null) {
          stem = word;
        } else {
          stemmer.setCurrent(term.buffer(), term.length());
          stemmer.stem();
          stem = new String(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
        }
        if (stems.size() >= MAX_WORDS) {
          stems.clear();
        }
        stems.put(word, stem);
      }
      if (stemmer != null) {
        term.setEmpty().append(stem);
      }
      return true;
    }

    /** The stem of the current word. */
    String stem() {
      return stem;
    }
  }

  /** Russian texts write "ё" or "е" for the same letter: one form, so "заключённый" matches "заключенный". */
  private static final class YoFilter extends org.apache.lucene.analysis.TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    YoFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      replaceYo(term.buffer(), term.length());
      return true;
    }

    static void replaceYo(char[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        if (buffer[i] == 'ё') {
          buffer[i] = 'е';
        }
      }
    }
  }

  /** The words of {@code text} with their stems and offsets. */
  public List<Token> tokens(String language, String text) {
    return tokens(analyzer(language), text);
  }

  /**
   * Reads a title and a body in {@code language} (a configured code or {@link #FALLBACK}): the title as one
   * sentence, the body split into sentences, every sentence into words.
   */
  public AnalysedText analyse(String language, String title, String body) {
    String safeTitle = title == null ? "" : title;
    String safeBody = body == null ? "" : body;
    Analyzer analyzer = analyzer(language);
    List<AnalysedText.Sentence> sentences = new ArrayList<>();
    if (!safeTitle.isBlank()) {
      sentences.add(new AnalysedText.Sentence(safeTitle, true, 0, tokens(analyzer, safeTitle)));
    }
    for (int[] range : Sentences.ranges(safeBody, language)) {
      String sentence = safeBody.substring(range[0], range[1]);
      sentences.add(new AnalysedText.Sentence(sentence, false, range[0], tokens(analyzer, sentence)));
    }
    return new AnalysedText(language, safeTitle, safeBody, sentences);
  }

  private final Map<String, Analyzer> cache = new java.util.concurrent.ConcurrentHashMap<>();

  private Analyzer analyzer(String language) {
    return cache.computeIfAbsent(language, this::stemming);
  }

  static List<Token> tokens(Analyzer analyzer, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      CachedStemFilter stems = (CachedStemFilter) stream;
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(text.substring(offset.startOffset(), offset.endOffset()), stems.stem(),
            offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return tokens;
  }

  /**
   * What the unstemmed twin field holds for a word as written: the word lower-cased and with ё as е, as
   * {@link #exact()} analyses it, written over {@code buffer}.
   */
  public static void normaliseWord(char[] buffer, int length) {
    CharacterUtils.toLowerCase(buffer, 0, length);
    YoFilter.replaceYo(buffer, length);
  }

  /** The stems of a phrase, as a lexicon entry or an alias is matched. */
  public List<String> stems(String language, String phrase) {
    return tokens(language, phrase).stream().map(Token::stem).toList();
  }
}
