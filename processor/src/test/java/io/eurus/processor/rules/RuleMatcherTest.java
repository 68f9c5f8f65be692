package io.eurus.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.RuleMatch;
import io.eurus.processor.text.Languages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules in Lucene syntax, matched with Lucene Monitor and each language's stemming. */
class RuleMatcherTest {

  private static final Languages LANGUAGES = Languages.defaults();
  private RuleMatcher matcher;

  private RuleMatcher compile(String yaml) {
    matcher = RuleMatcher.compile(RuleFile.read(yaml.getBytes(StandardCharsets.UTF_8), "test rules"), LANGUAGES);
    return matcher;
  }

  @AfterEach
  void close() {
    if (matcher != null) {
      matcher.close();
    }
  }

  private List<String> ids(List<RuleMatch> matches) {
    return matches.stream().map(RuleMatch::ruleId).toList();
  }

  @Test
  void wildcardsMatchInflectionsInEnglishAndRussian() {
    compile("""
        rules:
          - {id: expel, name: Expel, severity: HIGH, query: 'expel*'}
          - {id: sanctions-ru, name: Санкции, severity: HIGH, languages: [ru], query: 'санкци*'}
        """);

    assertThat(ids(matcher.match("en", "Russia expels diplomats", ""))).containsExactly("expel");
    assertThat(ids(matcher.match("en", "", "Three diplomats were expelled."))).containsExactly("expel");
    assertThat(ids(matcher.match("ru", "ЕС продлил действие санкций", ""))).containsExactly("sanctions-ru");
    assertThat(ids(matcher.match("ru", "", "Брюссель угрожает санкциями"))).containsExactly("sanctions-ru");
    assertThat(ids(matcher.match("en", "EU sanctions", ""))).as("a Russian-only rule skips English").isEmpty();
  }

  @Test
  void plainWordsAndPhrasesAreStemmedInTheArticlesLanguage() {
    compile("""
        rules:
          - {id: talks, name: Talks, query: '"resume talks" AND russia'}
          - {id: talks-ru, name: Переговоры, query: 'переговоры AND россия'}
        """);

    assertThat(ids(matcher.match("en", "EU and Russia resumed talks", ""))).containsExactly("talks");
    assertThat(ids(matcher.match("ru", "Раунд переговоров ЕС с Россией отменен", ""))).containsExactly("talks-ru");
  }

  @Test
  void proximityAllowsWordsBetween() {
    compile("""
        rules:
          - {id: expulsions, name: Expulsions, query: '"expel diplomats"~3'}
        """);

    assertThat(ids(matcher.match("en", "Moscow expels three EU diplomats", ""))).containsExactly("expulsions");
    assertThat(ids(matcher.match("en", "Moscow expels journalists and, months later, some diplomats", ""))).isEmpty();
  }

  @Test
  void fieldsRestrictAQueryToTheTitle() {
    compile("""
        rules:
          - {id: summit-title, name: Summit in title, query: 'title:summit'}
        """);

    assertThat(ids(matcher.match("en", "EU–Russia summit cancelled", "Officials met."))).containsExactly("summit-title");
    assertThat(ids(matcher.match("en", "Officials met", "The summit was cancelled."))).isEmpty();
  }

  @Test
  void snippetMarksTheMatchedTerms() {
    compile("""
        rules:
          - {id: sanctions, name: Sanctions, query: 'sanction* AND russia*'}
        """);

    List<RuleMatch> matches = matcher.match("en", null, "After a long meeting in Brussels on Monday, the ministers "
        + "agreed that new sanctions on Russia's shipping would follow in spring, officials said.");

    assertThat(matches).singleElement().satisfies(match -> {
      assertThat(match.snippet()).contains("new [[sanctions]] on [[Russia's]] shipping");
      assertThat(match.severity()).hasToString("MEDIUM");
    });
  }

  @Test
  void aRuleThatDoesNotParseIsReportedWithIdAndPositionAndTheOthersKeepWorking() {
    compile("""
        rules:
          - {id: good, name: Good, query: 'sanction*'}
          - {id: broken, name: Broken, query: 'sanctions AND (russia OR'}
          - {id: also-good, name: Also good, query: 'embargo'}
        """);

    assertThat(matcher.problems()).singleElement().hasToString(
        "rule 'broken': cannot parse the query at line 1, column 24: unexpected end of query");
    assertThat(ids(matcher.match("en", "Sanctions and an embargo", ""))).containsExactly("good", "also-good");
  }

  @Test
  void aRuleForAnUnconfiguredLanguageIsReported() {
    compile("""
        rules:
          - {id: german, name: German, languages: [de], query: 'sanktionen'}
        """);

    assertThat(matcher.problems()).singleElement().asString()
        .startsWith("rule 'german': language de is not configured");
    assertThat(matcher.rules()).isEmpty();
  }

  @Test
  void rulesWithoutIdOrQueryOrWithAnUnknownSeverityAreLeftOutWithTheirReason() {
    compile("""
        rules:
          - {name: No id, query: 'x'}
          - {id: no-query, name: No query}
          - {id: odd, name: Odd, severity: URGENT, query: 'x'}
          - {id: fine, name: Fine, query: 'x'}
          - {id: fine, name: Twice, query: 'y'}
        """);

    assertThat(matcher.problems()).extracting(Object::toString).containsExactly(
        "rule '#1': has no id",
        "rule 'no-query': has no query",
        "rule 'odd': severity 'URGENT' is not one of LOW, MEDIUM, HIGH, CRITICAL",
        "rule 'fine': the id is used by an earlier rule");
    assertThat(matcher.rules()).extracting(Rule::id).containsExactly("fine");
  }

  @Test
  void anEmptyRuleIsLeftOutWithItsNumber() {
    compile("rules:\n  -\n  - {id: fine, name: Fine, query: 'x'}\n");

    assertThat(matcher.problems()).extracting(Object::toString).containsExactly("rule '#1': is empty");
    assertThat(matcher.rules()).extracting(Rule::id).containsExactly("fine");
  }

  @Test
  void anUnknownLanguageIsMatchedUnstemmedAgainstRulesForEveryLanguage() {
    compile("""
        rules:
          - {id: any, name: Any, query: 'sanktionen'}
          - {id: english, name: English, languages: [en], query: 'sanktionen'}
        """);

    assertThat(ids(matcher.match("de", "Neue Sanktionen gegen Russland", ""))).containsExactly("any");
  }

  @Test
  void anotherLanguageIsOneEntryInTheLanguagesSetting() {
    RuleMatcher german = RuleMatcher.compile(RuleFile.read("""
        rules:
          - {id: sanktionen, name: Sanktionen, languages: [de], query: '"neue sanktionen" AND russland'}
        """.getBytes(StandardCharsets.UTF_8), "test rules"), Languages.parse(List.of("en:english", "de:german")));
    try {
      assertThat(ids(german.match("de", "EU beschliesst neue Sanktion gegen Russland", ""))).containsExactly("sanktionen");
    } finally {
      german.close();
    }
  }

  @Test
  void theBundledRulesAllParse() {
    RuleMatcher bundled = RuleMatcher.compile(RuleFile.bundled(), LANGUAGES);
    try {
      assertThat(bundled.problems()).isEmpty();
      assertThat(bundled.rules()).extracting(Rule::id).contains("sanctions", "expulsions", "summits-talks", "energy",
          "ukraine-minsk", "human-rights", "hybrid-threats", "visas", "trade");
    } finally {
      bundled.close();
    }
  }

  @Test
  void aWordThatOnlyExcludesStillExcludes() {
    compile("""
        rules:
          - {id: sanctions-only, name: Sanctions without embargo, query: 'sanctions AND NOT embargo'}
        """);

    assertThat(ids(matcher.match("en", "New sanctions on Russia", ""))).containsExactly("sanctions-only");
    assertThat(ids(matcher.match("en", "New sanctions", "An embargo follows."))).isEmpty();
  }

  @Test
  void phrasesAndProximityCountEveryWordBetweenEvenWordsNoRuleNames() {
    compile("""
        rules:
          - {id: press, name: Press freedom, query: '"freedom of the press"'}
          - {id: talks, name: Talks, query: '"resume talks"~2'}
        """);

    assertThat(ids(matcher.match("en", "", "They defend the freedom of the press in Russia."))).containsExactly("press");
    assertThat(ids(matcher.match("en", "", "The press has the freedom of speech."))).isEmpty();
    assertThat(ids(matcher.match("en", "", "Both sides resume the stalled talks."))).containsExactly("talks");
    assertThat(ids(matcher.match("en", "", "Both sides resume, after a long and bitter pause, talks."))).isEmpty();
  }

  @Test
  void wildcardsInsideAWordFuzzyTermsAndWildcardsNextToOtherWordsMatch() {
    compile("""
        rules:
          - {id: infix, name: Infix, query: 'sanc*ons'}
          - {id: fuzzy, name: Fuzzy, query: 'sanktions~1'}
          - {id: expel-diplomats, name: Expulsions, query: 'expel* AND (diplomat OR envoy)'}
        """);

    assertThat(ids(matcher.match("en", "", "New sanctions were announced."))).containsExactly("infix", "fuzzy");
    assertThat(ids(matcher.match("en", "", "Moscow expelled two diplomats."))).containsExactly("expel-diplomats");
    assertThat(ids(matcher.match("en", "", "Moscow expelled two journalists."))).isEmpty();
    assertThat(ids(matcher.match("en", "", "Two diplomats left Moscow."))).isEmpty();
  }

  @Test
  void snippetsMarkTheWordsWhereTheyAreInTheTitleAndTheBody() {
    compile("""
        rules:
          - {id: expulsions, name: Expulsions, query: 'expel* AND diplomats'}
        """);

    assertThat(matcher.match("en", "Moscow expels diplomats", "Three diplomats must leave.")).singleElement()
        .satisfies(match -> assertThat(match.snippet()).isEqualTo("Moscow [[expels]] [[diplomats]]"));
    assertThat(matcher.match("en", "Tensions", "After weeks of  tension,\nMoscow expelled three diplomats.")).singleElement()
        .satisfies(match -> assertThat(match.snippet()).isEqualTo("After weeks of  tension,\nMoscow [[expelled]] three [[diplomats]]."));
  }
}
