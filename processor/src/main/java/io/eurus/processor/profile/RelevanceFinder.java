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

  private record Mention(int side, String actor) {
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
          index.add(languages.stems(language, actor.name()), new Mention(side, actor.name()));
          for (var aliases : actor.aliases().entrySet()) {
            // An unknown language's text may quote names in any configured language: index them all there.
            if (aliases.getKey().equals(language) || language.equals(Languages.FALLBACK)) {
              for (String alias : aliases.getValue()) {
                index.add(languages.stems(language, alias), new Mention(side, actor.name()));
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
