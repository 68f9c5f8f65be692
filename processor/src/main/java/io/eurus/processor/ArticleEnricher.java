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
import io.eurus.processor.tone.ScoredSentence;
import io.eurus.processor.tone.ToneScorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an article the way the desk would: which sentences are about the relationship (and which actors they
 * name), which rules it matches, and what its relationship sentences say about the relations — conflict or
 * cooperation — with the terms behind the score. Pure and thread-safe: the topology, {@code eurus score} and
 * {@code eurus eval} all use it.
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

  private final WatchProfile profile;
  private final Languages languages;
  private final RelevanceFinder relevance;
  private final RuleBook rules;
  private final ToneScorer tone;

  public ArticleEnricher(WatchProfile profile, RuleBook rules, ToneScorer tone) {
    this.profile = profile;
    this.languages = tone.languages();
    this.relevance = new RelevanceFinder(profile, languages);
    this.rules = rules;
    this.tone = tone;
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
    List<SentenceTone> tones = new ArrayList<>();
    Map<String, TermWeight> explanation = new LinkedHashMap<>();
    double toneSum = 0;
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
      if (scored.hasTone()) {
        tones.add(new SentenceTone(qualifying.size() - 1, scored.tone(), scored.terms()));
        toneSum += scored.tone();
        scored.terms().forEach(term -> explanation.merge(term.term().toLowerCase() + "\u0000" + term.category(), term,
            (a, b) -> new TermWeight(a.term(), round(a.weight() + b.weight()), a.category())));
      }
    }
    Double articleTone = found.relevant() ? (tones.isEmpty() ? 0.0 : round(toneSum / tones.size())) : null;
    List<TermWeight> terms = explanation.values().stream()
        .sorted(Comparator.comparingDouble((TermWeight t) -> -Math.abs(t.weight())))
        .limit(EXPLANATION_TERMS).toList();
    return new Analysis(lang, found.relevant(), found.actors(), rules.match(text), articleTone,
        polar == 0 ? 0 : round(polaritySum / polar), found.relevant() ? terms : List.of(), qualifying, tones);
  }

  /**
   * The relations tone of one sentence as if it were about the relationship, whoever it names: how a conflict
   * detector reads it (the evaluation on UN speeches, where the parties are other states).
   */
  public double sentenceTone(String language, String sentence) {
    return tone.score(languages.resolve(language), sentence).tone();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
