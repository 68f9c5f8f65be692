package io.eurus.processor.profile;

import io.eurus.processor.text.Languages;
import io.eurus.processor.text.PhraseIndex;
import io.eurus.processor.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which sentences are about the relationship: actors of both sides together, or an actor of one side
 * with a relationship term ("the EU will impose sanctions"). An article is relevant when one sentence is; in a
 * relevant article, a sentence that names an actor of either side also counts ("the deliberate choices and
 * aggressive actions of the Russian government", two sentences after the EU's name): the article is about the
 * relationship, so what it says about one side is said in that light.
 */
public final class RelevanceFinder {

  /**
   * One name of an actor as indexed in one language; {@code forms}, {@code notAfter} and {@code notBefore} are
   * lower-cased, empty when the name counts in every use.
   */
  private record Mention(int side, String actor, Set<String> forms, Set<String> notAfter, Set<String> notBefore) {

    Mention(int side, String actor) {
      this(side, actor, Set.of(), Set.of(), Set.of());
    }

    boolean counts(List<Token> tokens, int from, int to) {
      if (!forms.isEmpty() && !forms.contains(surface(tokens, from, to))) {
        return false;
      }
      return (from == 0 || !notAfter.contains(lower(tokens.get(from - 1))))
          && (to >= tokens.size() || !notBefore.contains(lower(tokens.get(to))));
    }

    private static String surface(List<Token> tokens, int from, int to) {
      StringBuilder text = new StringBuilder();
      for (int i = from; i < to; i++) {
        text.append(i > from ? " " : "").append(lower(tokens.get(i)));
      }
      return text.toString();
    }

    private static String lower(Token token) {
      return token.surface().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final String RELATION = "\u0000relation";

  private final Languages languages;
  private final Map<String, PhraseIndex<Mention>> byLanguage = new HashMap<>();

  public RelevanceFinder(WatchProfile profile, Languages languages) {
    this.languages = languages;
    for (String language : withFallback(languages)) {
      PhraseIndex<Mention> index = new PhraseIndex<>();
      for (int side = 0; side < profile.sides().size(); side++) {
        for (WatchProfile.Actor actor : profile.sides().get(side).actors()) {
          if (!actor.asWritten()) {
            index.add(languages.stems(language, actor.name()), new Mention(side, actor.name()));
          }
          for (var aliases : actor.aliases().entrySet()) {
            // An unknown language's text may quote names in any configured language: index them all there.
            if (aliases.getKey().equals(language) || language.equals(Languages.FALLBACK)) {
              Mention mention = mention(side, actor, aliases.getKey());
              for (String alias : aliases.getValue()) {
                index.add(languages.stems(language, alias), mention);
              }
            }
          }
        }
      }
      for (var terms : profile.relationTerms().entrySet()) {
        if (terms.getKey().equals(language) || language.equals(Languages.FALLBACK)) {
          terms.getValue().forEach(term -> index.add(languages.stems(language, term), new Mention(-1, RELATION)));
        }
      }
      byLanguage.put(language, index);
    }
  }

  private static Mention mention(int side, WatchProfile.Actor actor, String language) {
    if (!actor.asWritten() && actor.notAfter().isEmpty() && actor.notBefore().isEmpty()) {
      return new Mention(side, actor.name());
    }
    Set<String> forms = actor.asWritten() ? lowerCase(actor.aliases().get(language)) : Set.of();
    return new Mention(side, actor.name(), forms, lowerCase(actor.notAfter().get(language)),
        lowerCase(actor.notBefore().get(language)));
  }

  private static Set<String> lowerCase(List<String> words) {
    Set<String> lower = new java.util.HashSet<>();
    if (words != null) {
      words.forEach(word -> lower.add(word.toLowerCase(java.util.Locale.ROOT)));
    }
    return lower;
  }

  private static List<String> withFallback(Languages languages) {
    List<String> all = new ArrayList<>(languages.codes());
    all.add(Languages.FALLBACK);
    return all;
  }

  /** Relevance of already tokenised sentences of one text in {@code language} (a configured code or "und"). */
  public Relevance find(String language, List<List<Token>> sentences) {
    PhraseIndex<Mention> index = byLanguage.get(languages.resolve(language));
    Set<String> actors = new LinkedHashSet<>();
    List<Integer> qualifying = new ArrayList<>();
    List<Integer> oneSide = new ArrayList<>();
    List<String> oneSideActors = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      boolean[] sides = new boolean[2];
      boolean relation = false;
      List<String> named = new ArrayList<>();
      for (PhraseIndex.Found<Mention> found : index.find(sentences.get(i))) {
        Mention mention = found.value();
        if (!mention.counts(sentences.get(i), found.from(), found.to())) {
          continue;
        }
        if (mention.side() < 0) {
          relation = true;
        } else {
          sides[mention.side()] = true;
          named.add(mention.actor());
        }
      }
      if ((sides[0] && sides[1]) || ((sides[0] || sides[1]) && relation)) {
        qualifying.add(i);
        actors.addAll(named);
      } else if (sides[0] || sides[1]) {
        oneSide.add(i);
        oneSideActors.addAll(named);
      }
    }
    if (qualifying.isEmpty()) {
      return new Relevance(false, List.of(), List.of());
    }
    actors.addAll(oneSideActors);
    List<Integer> all = new ArrayList<>(qualifying);
    all.addAll(oneSide);
    all.sort(null);
    return new Relevance(true, List.copyOf(actors), all);
  }
}
