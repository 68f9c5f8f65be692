package io.eurus.processor;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.SentenceTone;
import io.eurus.events.TermWeight;
import io.eurus.processor.profile.Relevance;
import io.eurus.processor.profile.RelevanceFinder;
import io.eurus.processor.profile.WatchProfile;
import io.eurus.processor.rules.RuleBook;
import io.eurus.processor.text.AnalysedText;
import io.eurus.processor.text.Languages;
import io.eurus.processor.tone.Occlusion;
import io.eurus.processor.tone.ScoredSentence;
import io.eurus.processor.tone.SentenceEncoder;
import io.eurus.processor.tone.ToneEstimate;
import io.eurus.processor.tone.ToneModel;
import io.eurus.processor.tone.ToneModels;
import io.eurus.processor.tone.ToneScorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an article the way the desk would: which sentences are about the relationship (and which actors they
 * name), which rules it matches, and what its relationship sentences say about the relations — conflict or
 * cooperation — with the words behind the score. Pure and thread-safe: the topology, {@code eurus score} and
 * {@code eurus eval} all use it.
 *
 * <p>The relations tone comes from the language's trained model ({@link ToneModels}) when it has one, else from
 * the diplomatic lexicon, and the enriched article says which ({@code toneSource}). With a model, a sentence
 * carries tone when its most likely class is conflict or cooperation; its tone is P(cooperation) − P(conflict);
 * the article's tone is the mean over those sentences; and the {@code explain} sentences that moved it most are
 * explained word by word ({@link Occlusion}).
 */
public final class ArticleEnricher {

  /** Terms listed in an article's explanation, strongest first. */
  static final int EXPLANATION_TERMS = 12;
  /**
   * VADER was built and validated on short texts scored whole (tweets, review snippets): a body of up to three
   * sentences, or no longer than a tweet, is scored whole; a longer one sentence by sentence, averaging the
   * sentences that carry sentiment, as VADER's authors advise for paragraphs. The title always counts as a
   * sentence of its own.
   */
  static final int SNIPPET_SENTENCES = 3;
  /**
   * A tweet's greatest length: a text this short is one unit to VADER however many sentences a splitter finds in
   * it ("Hmm.. Murphy, I hope you are dead." is two to the JDK's sentence rules).
   */
  static final int SNIPPET_CHARACTERS = 280;
  /** Words or phrases named per explained sentence. */
  static final int TERMS_PER_SENTENCE = 4;
  /** Where an article's tone comes from when its language has no model. */
  public static final String LEXICON = "lexicon";

  private final WatchProfile profile;
  private final Languages languages;
  private final RelevanceFinder relevance;
  private final RuleBook rules;
  private final ToneScorer tone;
  private final ToneModels models;
  private final int explain;

  /** An enricher whose tone comes from the lexicon in every language. */
  public ArticleEnricher(WatchProfile profile, RuleBook rules, ToneScorer tone) {
    this(profile, rules, tone, ToneModels.none(), 0);
  }

  /**
   * @param models  the trained tone models; a language without one is scored with the lexicon
   * @param explain how many of an article's sentences are explained word by word (those that moved its tone most)
   */
  public ArticleEnricher(WatchProfile profile, RuleBook rules, ToneScorer tone, ToneModels models, int explain) {
    this.profile = profile;
    this.languages = tone.languages();
    this.relevance = new RelevanceFinder(profile, languages);
    this.rules = rules;
    this.tone = tone;
    this.models = models;
    this.explain = explain;
  }

  public String profileId() {
    return profile.id();
  }

  public EnrichedArticle enrich(Article article) {
    Analysis analysis = analyse(article.language(), article.title(), body(article));
    return EnrichedArticle.builder()
        .article(article)
        .relevant(analysis.relevant())
        .actors(analysis.actors())
        .rules(analysis.rules())
        .tone(analysis.tone())
        .polarity(analysis.polarity())
        .toneTerms(analysis.toneTerms())
        .sentences(analysis.sentences())
        .profile(profile.id())
        .sentenceTones(analysis.sentenceTones())
        .toneSource(analysis.toneSource())
        .build();
  }

  /** The article's text below its title: the full text, with the summary first when the text does not repeat it. */
  static String body(Article article) {
    String text = article.text() == null ? "" : article.text().strip();
    String summary = article.summary() == null ? "" : article.summary().strip();
    if (summary.isEmpty() || text.contains(summary)) {
      return text;
    }
    return text.isEmpty() ? summary : summary + "\n\n" + text;
  }

  /**
   * Analyses a text; {@code title} may be null (plain text from {@code eurus score}).
   *
   * @param language ISO 639-1 code; one that is not configured is read unstemmed and without a tone lexicon
   */
  public Analysis analyse(String language, String title, String body) {
    String lang = languages.resolve(language);
    AnalysedText text = languages.analyse(lang, title, body);
    List<AnalysedText.Sentence> all = text.sentences();
    Relevance found = relevance.find(lang, all.stream().map(AnalysedText.Sentence::tokens).toList());

    double polaritySum = 0;
    int polar = 0;
    int firstBodySentence = text.hasTitle() ? 1 : 0;
    int bodySentences = all.size() - firstBodySentence;
    String wholeBody = text.body().strip();
    boolean snippet = bodySentences <= SNIPPET_SENTENCES || wholeBody.length() <= SNIPPET_CHARACTERS;
    if (snippet && bodySentences > 0) {
      polaritySum = tone.polarity(lang, wholeBody);
      polar = polaritySum == 0 ? 0 : 1;
    }
    List<String> qualifying = new ArrayList<>();
    List<ScoredSentence> lexiconScores = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      AnalysedText.Sentence sentence = all.get(i);
      boolean about = found.sentences().contains(i);
      boolean inSnippet = snippet && i >= firstBodySentence;
      if (!about) {
        // Outside the relationship only the general polarity counts: no need to match the diplomatic lexicon.
        double polarity = inSnippet ? 0 : tone.polarity(lang, sentence.text(), sentence.tokens());
        polaritySum += polarity;
        polar += polarity != 0 ? 1 : 0;
        continue;
      }
      ScoredSentence scored = tone.score(lang, sentence.text(), sentence.tokens());
      if (!inSnippet && scored.polarity() != 0) {
        polaritySum += scored.polarity();
        polar++;
      }
      qualifying.add(sentence.shown());
      lexiconScores.add(scored);
    }
    ToneModel model = models.of(lang);
    Toned toned = model == null ? lexiconTones(lexiconScores) : modelTones(model, qualifying);
    List<SentenceTone> tones = toned.tones();
    Double articleTone = found.relevant()
        ? (tones.isEmpty() ? 0.0 : round(tones.stream().mapToDouble(SentenceTone::tone).sum() / tones.size())) : null;
    Map<String, TermWeight> explanation = new LinkedHashMap<>();
    for (SentenceTone sentenceTone : tones) {
      sentenceTone.terms().forEach(term -> explanation.merge(term.term().toLowerCase() + "\u0000" + term.category(), term,
          (a, b) -> new TermWeight(a.term(), round(a.weight() + b.weight()), a.category())));
    }
    List<TermWeight> terms = explanation.values().stream()
        .sorted(Comparator.comparingDouble((TermWeight t) -> -Math.abs(t.weight())))
        .limit(EXPLANATION_TERMS).toList();
    return new Analysis(lang, found.relevant(), found.actors(), rules.match(text), articleTone,
        polar == 0 ? 0 : round(polaritySum / polar), found.relevant() ? terms : List.of(), qualifying, tones,
        found.relevant() ? toned.source() : null);
  }

  /** The tones of an article's sentences, and what they come from. */
  private record Toned(List<SentenceTone> tones, String source) {
  }

  /** The lexicon's tone: a sentence carries tone when it has tone terms. */
  private static Toned lexiconTones(List<ScoredSentence> scores) {
    List<SentenceTone> tones = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      if (scores.get(i).hasTone()) {
        tones.add(new SentenceTone(i, scores.get(i).tone(), scores.get(i).terms()));
      }
    }
    return new Toned(tones, LEXICON);
  }

  /**
   * The model's tone: all the article's relationship sentences estimated in one batch; those that lean to
   * conflict or cooperation carry tone, and the ones that moved the article most are explained.
   *
   * @throws SentenceEncoder.EncoderException when the encoder fails: the article goes to the dead letters with it
   */
  private Toned modelTones(ToneModel model, List<String> sentences) {
    List<ToneEstimate> estimates = model.estimate(sentences);
    List<Integer> toned = new ArrayList<>();
    for (int i = 0; i < estimates.size(); i++) {
      if (estimates.get(i).hasTone()) {
        toned.add(i);
      }
    }
    List<Integer> explained = toned.stream()
        .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(estimates.get(i).score())))
        .limit(explain).toList();
    List<SentenceTone> tones = new ArrayList<>();
    for (int i : toned) {
      List<TermWeight> terms = explained.contains(i)
          ? model.explain(sentences.get(i), estimates.get(i), TERMS_PER_SENTENCE) : List.of();
      tones.add(new SentenceTone(i, round(estimates.get(i).score()), terms));
    }
    return new Toned(tones, model.source());
  }

  /**
   * The lexicon's relations tone of one sentence as if it were about the relationship, whoever it names: how a
   * conflict detector reads it (the evaluation on UN speeches, where the parties are other states).
   */
  public double lexiconTone(String language, String sentence) {
    return tone.score(languages.resolve(language), sentence).tone();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
