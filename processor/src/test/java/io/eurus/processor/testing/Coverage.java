package io.eurus.processor.testing;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.RuleMatch;
import io.eurus.events.Severity;
import io.eurus.events.TermWeight;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Enriched articles for tests, as part 1 of the processor would emit them. */
public final class Coverage {

  private static final String[] WORDS = ("ministry delegation border energy pipeline trade grain port court verdict "
      + "journalist embassy visa summit council parliament vote package tariff bank asset freeze airline flight "
      + "election observer treaty arms control missile drone exercise navy fleet cable shipping insurance oil price "
      + "cap refinery export import customs ruling appeal hearing lawyer prisoner exchange talks envoy mediation "
      + "ceasefire corridor harvest fertiliser payment currency reserve bond market investor shares company plant "
      + "factory worker strike union protest police arrest media outlet broadcast licence channel website hack "
      + "server leak document report study survey analyst forecast growth budget deficit debt loan aid grant").split(" ");

  private String id;
  private int revision = 1;
  private String source = "Test source";
  private String bloc = "eu-media";
  private String language = "en";
  private Instant published = Instant.parse("2026-11-20T10:00:00Z");
  private Instant fetched;
  private String title = "Untitled";
  private String text = "";
  private boolean relevant = true;
  private Double tone = 0.0;
  private final List<TermWeight> terms = new ArrayList<>();
  private final List<String> sentences = new ArrayList<>();
  private final List<RuleMatch> rules = new ArrayList<>();

  private Coverage(String id) {
    this.id = id;
  }

  public static Coverage article(String id) {
    return new Coverage(id);
  }

  /** A story of its own: a title and text of words that no other seed draws in the same order. */
  public static Coverage story(String id, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 10 == 9 ? ". " : " ");
    }
    return new Coverage(id).title("Report " + seed + " on " + WORDS[random.nextInt(WORDS.length)]).text(text.toString().trim());
  }

  public Coverage from(String source, String bloc, String language) {
    this.source = source;
    this.bloc = bloc;
    this.language = language;
    return this;
  }

  public Coverage at(String published) {
    this.published = Instant.parse(published);
    return this;
  }

  public Coverage at(Instant published) {
    this.published = published;
    return this;
  }

  public Coverage fetched(String fetched) {
    this.fetched = Instant.parse(fetched);
    return this;
  }

  public Coverage revision(int revision) {
    this.revision = revision;
    return this;
  }

  public Coverage title(String title) {
    this.title = title;
    return this;
  }

  public Coverage text(String text) {
    this.text = text;
    return this;
  }

  public Coverage irrelevant() {
    this.relevant = false;
    this.tone = null;
    return this;
  }

  public Coverage tone(double tone, String... termsAndWeights) {
    this.tone = tone;
    for (String term : termsAndWeights) {
      terms.add(new TermWeight(term, tone));
    }
    return this;
  }

  public Coverage matching(String ruleId) {
    return matching(ruleId, Severity.HIGH);
  }

  public Coverage matching(String ruleId, Severity severity) {
    rules.add(new RuleMatch(ruleId, ruleId, severity, "[[" + ruleId + "]]"));
    return this;
  }

  public Coverage sentence(String sentence) {
    sentences.add(sentence);
    return this;
  }

  public EnrichedArticle build() {
    Instant fetchedAt = fetched != null ? fetched : published.plus(Duration.ofMinutes(2));
    Article article = Article.builder()
        .id(id)
        .revision(revision)
        .feedId("feed-" + source.hashCode())
        .source(source)
        .bloc(bloc)
        .url("https://example.invalid/" + id)
        .title(title)
        .text(text)
        .language(language)
        .published(published)
        .fetched(fetchedAt)
        .build();
    List<String> qualifying = sentences.isEmpty() && relevant ? List.of(title) : sentences;
    return EnrichedArticle.builder()
        .article(article)
        .relevant(relevant)
        .actors(List.of())
        .rules(rules)
        .tone(relevant ? tone : null)
        .polarity(0.0)
        .toneTerms(relevant ? terms : List.of())
        .sentences(qualifying)
        .build();
  }
}
