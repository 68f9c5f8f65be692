package io.eurus.processor.storyalerts;

import static io.eurus.processor.testing.Coverage.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.RuleRef;
import io.eurus.events.Severity;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.testing.Coverage;
import io.eurus.processor.testing.SeriesDriver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One alert per story: the rules its articles match and the sources that carry it in one alert, updated (next
 * revision) when there is something new to say; BREAKING_STORY when many sources pick a story up fast. Bundled
 * settings: breaking at 3 sources within 2 hours.
 */
class StoryAlertsTest {

  private static final String WIRE = "Russia has expelled three diplomats from the European Union's delegation in "
      + "Moscow in retaliation for the expulsion of Russian diplomats from Brussels last month, the Russian Foreign "
      + "Ministry said on Tuesday. The diplomats were declared persona non grata and given 72 hours to leave the "
      + "country. The EU's foreign policy chief called the decision unjustified and said the bloc would respond "
      + "in a coordinated manner. Relations between Moscow and Brussels have deteriorated sharply since 2022.";

  private static final String OTHER = "The European Union extended its sectoral sanctions against Russia by six months "
      + "on Monday, the Council said. The measures cover finance, energy and defence. Moscow said it would answer "
      + "the latest unfriendly step from Brussels with mirror measures of its own, according to the foreign ministry.";

  @TempDir
  Path state;

  /** The story alerts the processor's part after enrichment raises for {@code articles}, in order. */
  private List<Alert> alerts(EnrichedArticle... articles) {
    try (SeriesDriver driver = new SeriesDriver(DetectorConfig.bundled(), state)) {
      return driver.pipe(articles).alerts();
    }
  }

  @Test
  void articleMatchingTwoRulesRaisesOneAlertListingBothMostSevereFirst() {
    List<Alert> alerts = alerts(wire("a-1", "Reuters", "10:00").matching("sanctions", Severity.HIGH)
        .matching("expulsions", Severity.CRITICAL).build());

    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.RULE_MATCH);
      assertThat(alert.key()).isEqualTo("RULE_MATCH:" + alert.storyId());
      assertThat(alert.rules()).extracting(RuleRef::id).containsExactly("expulsions", "sanctions");
      assertThat(alert.rule().id()).isEqualTo("expulsions");
      assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(alert.title()).startsWith("expulsions, sanctions: ");
      assertThat(alert.summary()).contains("Rules 'expulsions' (CRITICAL), 'sanctions' (HIGH) matched",
          "Carried by 1 source in en (Reuters), first by Reuters at 2026-11-20 10:00 UTC");
    });
  }

  @Test
  void copiesOfTheStoryFromOtherSourcesUpdateItsAlertOnlyWhenSourcesDouble() {
    List<Alert> alerts = alerts(
        wire("a-1", "Reuters", "10:00").matching("expulsions", Severity.HIGH).build(),
        wire("a-2", "AP", "13:00").matching("expulsions", Severity.HIGH).build(),      // 2 sources: twice 1
        wire("a-3", "Guardian", "14:00").matching("expulsions", Severity.HIGH).build(), // 3: not yet twice 2
        wire("a-4", "Le Monde", "15:00").matching("expulsions", Severity.HIGH).build()); // 4: twice 2

    assertThat(alerts).extracting(Alert::key).containsOnly(alerts.get(0).key());
    assertThat(alerts).extracting(Alert::revision).containsExactly(1, 2, 3);
    assertThat(alerts.get(2).evidence().stories()).singleElement().satisfies(story -> {
      assertThat(story.sources()).isEqualTo(4);
      assertThat(story.sourceNames()).containsExactly("Reuters", "AP", "Guardian", "Le Monde");
      assertThat(story.firstSource()).isEqualTo("Reuters");
    });
    assertThat(alerts.get(2).summary()).startsWith("Update: carried by 4 sources now, 2 at the last update.");
  }

  @Test
  void ruleMatchedByALaterArticleOfTheStoryUpdatesTheSameAlert() {
    List<Alert> alerts = alerts(
        wire("a-1", "Reuters", "10:00").matching("expulsions", Severity.MEDIUM).build(),
        wire("a-2", "Reuters", "10:30").matching("sanctions", Severity.HIGH).build());

    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(1).key()).isEqualTo(alerts.get(0).key());
    assertThat(alerts.get(1).rules()).extracting(RuleRef::id).containsExactly("sanctions", "expulsions");
    assertThat(alerts.get(1).severity()).isEqualTo(Severity.HIGH);
    assertThat(alerts.get(1).summary()).startsWith("Update: now also matches sanctions.");
  }

  @Test
  void storyPickedUpByThreeSourcesWithinTwoHoursBreaksOnceAndRaisesItsSeverity() {
    List<Alert> alerts = alerts(
        wire("a-1", "TASS", "10:00").build(),
        wire("a-2", "RIA", "10:20").build(),
        wire("a-3", "Interfax", "11:10").build(),   // [breaks] third source within 2 hours
        wire("a-4", "Izvestia", "11:30").build());

    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.BREAKING_STORY);
      assertThat(alert.title()).startsWith("Breaking: ");
      assertThat(alert.severity()).isEqualTo(Severity.HIGH);
      assertThat(alert.created()).isEqualTo("2026-11-20T11:10:00Z");
      assertThat(alert.summary()).contains("Carried by 3 sources", "first by TASS", "Breaking: 3 or more sources within 2h");
    });
  }

  @Test
  void sourcesSpreadOverADayAreNotBreaking() {
    assertThat(alerts(
        wire("a-1", "TASS", "02:00").build(),
        wire("a-2", "RIA", "09:00").build(),
        wire("a-3", "Interfax", "18:00").build())).isEmpty();
  }

  @Test
  void differentStoriesMatchingTheSameRuleAreAlertsOfTheirOwn() {
    assertThat(alerts(
        wire("a-1", "Reuters", "10:00").matching("sanctions", Severity.HIGH).build(),
        article("a-2").from("AP", "international", "en").at("2026-11-20T10:05:00Z").title("Sanctions extended")
            .text(OTHER).tone(-0.3).matching("sanctions").build())).extracting(Alert::storyId).doesNotHaveDuplicates().hasSize(2);
  }

  /** The wire story as {@code source} runs it at {@code time} on 20 November. */
  private static Coverage wire(String id, String source, String time) {
    return article(id).from(source, "international", "en").at("2026-11-20T" + time + ":00Z")
        .title("Russia expels three EU diplomats").text(WIRE).tone(-0.6);
  }
}
