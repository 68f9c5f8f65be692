package io.eurus.processor.tone;

import io.eurus.events.TermWeight;
import io.eurus.processor.text.Languages;
import io.eurus.processor.text.PhraseIndex;
import io.eurus.processor.text.Sentences;
import io.eurus.processor.text.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Scores the relations tone of a sentence: conflict (negative) or cooperation (positive) between the two sides,
 * not how emotional it is. "Russia expelled three EU diplomats" is negative with no emotional word in it.
 *
 * <p>The tone is the sum of (a) the diplomatic lexicon's terms, each turned by what precedes it within three
 * words — a negator reverses and weakens it (VADER's factor -0.74), a reverser ("lift", "suspend") turns it
 * around, a modal ("could", "may") halves it — and halved before a contrast ("but") or raised by half after it,
 * and (b) general sentiment words at a small weight ({@value #POLARITY_SHARE} of their VADER valence / 4), so a
 * hostile adjective counts but does not outweigh an expulsion. The sum goes through VADER's normalisation with
 * alpha = 1 (one full-weight term gives about ±0.6). Polarity is reported on its own: VADER's compound in English,
 * the lexicon's polarity words with the same negation rule in other languages.
 */
public final class ToneScorer {

  static final double POLARITY_SHARE = 0.3;
  static final double NEGATION = VaderPolarity.N_SCALAR;
  static final double REVERSAL = -0.74;
  static final double MODALITY = 0.5;
  static final int WINDOW = 3;

  private final Languages languages;
  private final ToneLexicon lexicon;
  private final VaderPolarity vader;

  public ToneScorer(Languages languages, ToneLexicon lexicon, VaderPolarity vader) {
    this.languages = languages;
    this.lexicon = lexicon;
    this.vader = vader;
  }

  public Languages languages() {
    return languages;
  }

  /** General polarity of a short text, scored whole: VADER's compound in English, the lexicon's polarity words elsewhere. */
  public double polarity(String language, String text) {
    return "en".equals(language) ? polarity(language, text, List.of()) : polarity(language, text, languages.tokens(language, text));
  }

  /** General polarity of a text already tokenised by {@link Languages#tokens}, without its relations tone. */
  public double polarity(String language, String text, List<Token> tokens) {
    if ("en".equals(language)) {
      return round(vader.score(text).compound());
    }
    ToneLexicon.Compiled compiled = lexicon.of(language);
    if (compiled == null || compiled.polarity().isEmpty()) {
      return 0;
    }
    return round(lexiconPolarity(compiled, tokens, Cues.of(compiled.cues(), tokens, language), text, List.of(), new ArrayList<>()));
  }

  /** Scores {@code sentence} in {@code language} (a configured code or "und"). */
  public ScoredSentence score(String language, String sentence) {
    return score(language, sentence, languages.tokens(language, sentence));
  }

  /** Scores a sentence already tokenised by {@link Languages#tokens}. */
  public ScoredSentence score(String language, String sentence, List<Token> tokens) {
    ToneLexicon.Compiled compiled = lexicon.of(language);
    List<TermWeight> terms = new ArrayList<>();
    List<int[]> covered = new ArrayList<>();
    double polarity = 0;
    if (compiled != null) {
      Cues cues = Cues.of(compiled.cues(), tokens, language);
      for (PhraseIndex.Found<ToneLexicon.Term> found : compiled.terms().find(tokens)) {
        terms.add(contribution(found, tokens, sentence, cues));
        covered.add(new int[] {tokens.get(found.from()).start(), tokens.get(found.to() - 1).end()});
      }
      if (!"en".equals(language) && !compiled.polarity().isEmpty()) {
        polarity = lexiconPolarity(compiled, tokens, cues, sentence, covered, terms);
      }
    }
    if ("en".equals(language)) {
      VaderPolarity.Score vaderScore = vader.score(sentence);
      polarity = vaderScore.compound();
      for (VaderPolarity.Word word : vaderScore.words()) {
        if (!overlaps(covered, word.start(), word.end())) {
          terms.add(new TermWeight(word.text().toLowerCase(Locale.ROOT), round(POLARITY_SHARE * word.valence() / 4),
              CameoClass.POLARITY.label()));
        }
      }
    }
    double sum = terms.stream().mapToDouble(TermWeight::weight).sum();
    terms.sort(Comparator.comparingDouble((TermWeight t) -> -Math.abs(t.weight())));
    return new ScoredSentence(round(terms.isEmpty() ? 0 : VaderPolarity.normalize(sum, 1)), round(polarity), terms);
  }

  private static TermWeight contribution(PhraseIndex.Found<ToneLexicon.Term> found, List<Token> tokens, String sentence, Cues cues) {
    ToneLexicon.Term term = found.value();
    double weight = term.weight();
    StringBuilder modifiers = new StringBuilder();
    for (Cues.At cue : cues.before(found.from())) {
      switch (cue.cue()) {
        case NEGATOR -> weight *= NEGATION;
        case REVERSER -> weight *= REVERSAL;
        case MODAL -> weight *= MODALITY;
        default -> {
          continue;
        }
      }
      modifiers.append(cue.text()).append(" … ");
    }
    weight *= cues.contrastFactor(found.from());
    String text = Sentences.collapseWhitespace(
        sentence.substring(tokens.get(found.from()).start(), tokens.get(found.to() - 1).end()));
    return new TermWeight(modifiers + text, round(weight), term.cameo().label());
  }

  /** General polarity from the lexicon's polarity words, VADER-style: negation within three words, alpha 15. */
  private static double lexiconPolarity(ToneLexicon.Compiled compiled, List<Token> tokens, Cues cues, String sentence,
      List<int[]> covered, List<TermWeight> terms) {
    double sum = 0;
    for (PhraseIndex.Found<Double> found : compiled.polarity().find(tokens)) {
      double valence = found.value();
      if (cues.before(found.from()).stream().anyMatch(cue -> cue.cue() == ToneLexicon.Cue.NEGATOR)) {
        valence *= NEGATION;
      }
      valence *= cues.contrastFactor(found.from());
      sum += valence;
      int start = tokens.get(found.from()).start();
      int end = tokens.get(found.to() - 1).end();
      if (!overlaps(covered, start, end)) {
        terms.add(new TermWeight(Sentences.collapseWhitespace(sentence.substring(start, end)),
            round(POLARITY_SHARE * valence / 4), CameoClass.POLARITY.label()));
      }
    }
    return VaderPolarity.normalize(sum, 15);
  }

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    return spans.stream().anyMatch(span -> start < span[1] && end > span[0]);
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** The cue words of one sentence, by token position. */
  private record Cues(List<At> all, int contrast) {

    record At(ToneLexicon.Cue cue, int from, int to, String text) {
    }

    static Cues of(PhraseIndex<ToneLexicon.Cue> index, List<Token> tokens, String language) {
      List<At> all = new ArrayList<>();
      for (PhraseIndex.Found<ToneLexicon.Cue> found : index.find(tokens)) {
        all.add(new At(found.value(), found.from(), found.to(), tokens.get(found.from()).surface()));
      }
      if ("en".equals(language)) {
        // The tokenizer keeps "didn't" whole: VADER counts any word with n't as a negation, and so do we.
        for (int i = 0; i < tokens.size(); i++) {
          String word = tokens.get(i).surface();
          if (word.regionMatches(true, word.length() - 3, "n't", 0, 3) || word.regionMatches(true, word.length() - 3, "n’t", 0, 3)) {
            all.add(new At(ToneLexicon.Cue.NEGATOR, i, i + 1, word));
          }
        }
      }
      int contrast = -1;
      for (At at : all) {
        if (at.cue() == ToneLexicon.Cue.CONTRAST && (contrast < 0 || at.from() < contrast)) {
          contrast = at.from();
        }
      }
      return new Cues(all, contrast);
    }

    /** The cues that end within {@value ToneScorer#WINDOW} words before token {@code at}. */
    List<At> before(int at) {
      List<At> before = new ArrayList<>(2);
      for (At cue : all) {
        if (cue.to() <= at && cue.to() >= at - WINDOW && !crossesContrast(cue, at)) {
          before.add(cue);
        }
      }
      return before;
    }

    private boolean crossesContrast(At cue, int at) {
      return contrast >= 0 && cue.to() <= contrast && at > contrast;
    }

    double contrastFactor(int at) {
      return contrast < 0 ? 1 : at < contrast ? 0.5 : 1.5;
    }
  }
}
