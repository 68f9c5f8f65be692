package io.eurus.processor.stories;

import static io.eurus.processor.testing.Coverage.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.eurus.events.StoryRef;
import io.eurus.processor.detect.DetectorConfig;
import io.eurus.processor.testing.SeriesDriver;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near-duplicate articles become one story; different stories, even on the same subject, stay apart. */
class StoryClusteringTest {

  private static final String WIRE_EN = "Russia has expelled three diplomats from the European Union's delegation in "
      + "Moscow in retaliation for the expulsion of Russian diplomats from Brussels last month, the Russian Foreign "
      + "Ministry said on Tuesday. The diplomats were declared persona non grata and given 72 hours to leave the "
      + "country. The EU's foreign policy chief called the decision unjustified and said the bloc would respond "
      + "in a coordinated manner. Relations between Moscow and Brussels have deteriorated sharply since 2022.";

  /** The same wire story as another outlet runs it: its own headline, a word changed, a line added, a line cut. */
  private static final String COPY_EN = "Russia has expelled three diplomats of the European Union's delegation in "
      + "Moscow in retaliation for the expulsion of Russian diplomats from Brussels last month, Russia's Foreign "
      + "Ministry said on Tuesday. The diplomats were declared persona non grata and given 72 hours to leave the "
      + "country. The EU's foreign policy chief called the decision unjustified and said the bloc would respond "
      + "in a coordinated manner. The expulsions are the third round this year.";

  /** Same subject, same vocabulary, another story. */
  private static final String OTHER_EN = "The European Union expelled two Russian diplomats accredited in Brussels on "
      + "Thursday over alleged espionage, officials said. The diplomats, who worked at Russia's mission to the EU, "
      + "were given a week to leave Belgium. Moscow promised a mirror response. The move follows the discovery of "
      + "listening equipment near a building used by the European Commission, according to Belgian prosecutors.";

  private static final String WIRE_RU = "Министерство иностранных дел России объявило персонами нон грата трёх "
      + "сотрудников представительства Европейского союза в Москве в ответ на высылку российских дипломатов из "
      + "Брюсселя. Дипломатам предписано покинуть страну в течение 72 часов. Как сообщили в МИД, глава "
      + "представительства ЕС был вызван на Смоленскую площадь, где ему вручили ноту протеста.";

  /** The same TASS story as RIA runs it: other verbs, other inflections, one sentence rephrased. */
  private static final String COPY_RU = "МИД России объявил персонами нон грата трёх сотрудников представительства "
      + "Евросоюза в Москве в ответ на высылку российских дипломатов из Брюсселя. Дипломатам предписано покинуть "
      + "страну в течение 72 часов. Как сообщили в министерстве, главу представительства ЕС вызвали на Смоленскую "
      + "площадь, где ему вручили ноту протеста.";

  private static final String OTHER_RU = "Евросоюз продлил на полгода секторальные санкции против России, сообщили в "
      + "Совете ЕС. Ограничения касаются финансового, энергетического и оборонного секторов. В МИД России заявили, "
      + "что ответ на очередной недружественный шаг Брюсселя не заставит себя ждать, и пообещали зеркальные меры.";

  @TempDir
  Path state;

  private SeriesDriver driver;

  @BeforeEach
  void start() {
    driver = new SeriesDriver(DetectorConfig.bundled(), state);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void syndicatedEnglishCopiesJoinTheStoryOfTheFirst() {
    driver.pipe(
        article("a-0001").from("Reuters", "international", "en").at("2026-11-20T09:00:00Z")
            .title("Russia expels three EU diplomats in tit-for-tat move").text(WIRE_EN).build(),
        article("a-0002").from("Euractiv", "eu-media", "en").at("2026-11-20T09:20:00Z")
            .title("Moscow expels three EU diplomats").text(COPY_EN).build(),
        article("a-0003").from("EUobserver", "eu-media", "en").at("2026-11-20T09:45:00Z")
            .title("Russia expels EU diplomats").text(WIRE_EN).build());

    assertThat(driver.storyOf("a-0001")).isEqualTo("s-0001");
    assertThat(driver.storyOf("a-0002")).isEqualTo("s-0001");
    assertThat(driver.storyOf("a-0003")).isEqualTo("s-0001");
  }

  @Test
  void russianRewriteWithOtherInflectionsJoinsTheStory() {
    driver.pipe(
        article("a-0101").from("ТАСС", "russia-state", "ru").at("2026-11-20T09:00:00Z")
            .title("МИД РФ объявил персонами нон грата трёх сотрудников представительства ЕС").text(WIRE_RU).build(),
        article("a-0102").from("РИА Новости", "russia-state", "ru").at("2026-11-20T09:12:00Z")
            .title("Россия вышлет трёх сотрудников представительства Евросоюза").text(COPY_RU).build());

    assertThat(driver.storyOf("a-0102")).isEqualTo(driver.storyOf("a-0101"));
  }

  @Test
  void differentStoriesOnTheSameSubjectStayApart() {
    driver.pipe(
        article("a-0201").from("Reuters", "international", "en").at("2026-11-20T09:00:00Z")
            .title("Russia expels three EU diplomats in tit-for-tat move").text(WIRE_EN).build(),
        article("a-0202").from("Politico Europe", "eu-media", "en").at("2026-11-20T09:30:00Z")
            .title("EU expels two Russian diplomats over spying").text(OTHER_EN).build(),
        article("a-0203").from("ТАСС", "russia-state", "ru").at("2026-11-20T09:40:00Z")
            .title("МИД РФ объявил персонами нон грата трёх сотрудников представительства ЕС").text(WIRE_RU).build(),
        article("a-0204").from("ТАСС", "russia-state", "ru").at("2026-11-20T09:50:00Z")
            .title("ЕС продлил секторальные санкции против России").text(OTHER_RU).build());

    assertThat(driver.clustered()).extracting(a -> a.storyId()).doesNotHaveDuplicates();
  }

  @Test
  void storyKnowsHowManySourcesCarryItAndWhoPublishedFirst() {
    driver.pipe(
        article("a-0301").from("Euractiv", "eu-media", "en").at("2026-11-20T09:20:00Z")
            .title("Moscow expels three EU diplomats").text(COPY_EN).build(),
        // Published earlier, arrives later: the wire had it first.
        article("a-0302").from("Reuters", "international", "en").at("2026-11-20T09:00:00Z")
            .title("Russia expels three EU diplomats in tit-for-tat move").text(WIRE_EN).build(),
        article("a-0303").from("Euractiv", "eu-media", "en").at("2026-11-20T09:25:00Z")
            .title("Moscow expels three EU diplomats (updated)").text(COPY_EN).build());

    StoryRef story = driver.story("s-0301").ref();

    assertThat(story.articles()).isEqualTo(3);
    assertThat(story.sources()).as("Euractiv twice is one source").isEqualTo(2);
    assertThat(story.firstSource()).isEqualTo("Reuters");
    assertThat(story.firstPublished()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    assertThat(story.title()).isEqualTo("Russia expels three EU diplomats in tit-for-tat move");
    assertThat(story.blocs()).containsExactly("eu-media", "international");
  }

  @Test
  void editedVersionOfAnArticleStaysInItsStory() {
    driver.pipe(
        article("a-0401").from("Reuters", "international", "en").at("2026-11-20T09:00:00Z")
            .title("Russia expels three EU diplomats").text(WIRE_EN).build(),
        article("a-0401").revision(2).from("Reuters", "international", "en").at("2026-11-20T09:00:00Z")
            .title("UPDATE 1-Russia expels three EU diplomats; Brussels vows response")
            .text(OTHER_EN).build());

    assertThat(driver.clustered()).extracting(a -> a.storyId()).containsOnly("s-0401");
    assertThat(driver.story("s-0401").articles()).as("a revision is the same article").isEqualTo(1);
  }

  @Test
  void copyAfterTheHorizonStartsANewStory() {
    driver.pipe(
        article("a-0501").from("Reuters", "international", "en").at("2026-11-20T09:00:00Z")
            .title("Russia expels three EU diplomats").text(WIRE_EN).build(),
        article("a-0502").from("Euractiv", "eu-media", "en").at("2026-11-23T09:00:00Z")
            .title("Three days ago: Russia expels three EU diplomats").text(WIRE_EN).build());

    assertThat(driver.storyOf("a-0502")).isEqualTo("s-0502");
  }

  @Test
  void headlinesAloneAreTooShortToBeCalledCopies() {
    driver.pipe(
        article("a-0601").from("ТАСС", "russia-state", "ru").at("2026-11-20T09:00:00Z").title("Главное за день").build(),
        article("a-0602").from("РИА Новости", "russia-state", "ru").at("2026-11-20T09:05:00Z").title("Главное за день").build());

    assertThat(driver.storyOf("a-0602")).isEqualTo("s-0602");
  }

  @Test
  void onlyArticlesTheDeskSeesAreClustered() {
    driver.pipe(
        article("a-0801").from("Reuters", "international", "en").at("2026-11-20T09:00:00Z")
            .title("Russia expels three EU diplomats").text(WIRE_EN).irrelevant().build(),
        article("a-0802").from("Euractiv", "eu-media", "en").at("2026-11-20T09:10:00Z")
            .title("Moscow expels three EU diplomats").text(COPY_EN).irrelevant().matching("expulsions").build(),
        article("a-0803").from("EUobserver", "eu-media", "en").at("2026-11-20T09:20:00Z")
            .title("Russia expels EU diplomats").text(WIRE_EN).irrelevant().matching("expulsions").build());

    assertThat(driver.storyOf("a-0801")).as("neither relevant nor matching a rule").isNull();
    assertThat(driver.storyOf("a-0803")).isEqualTo(driver.storyOf("a-0802")).isEqualTo("s-0802");
  }

  @Test
  void translationIsAnotherStory() {
    // Shingles do not cross languages: the desk sees the Russian and the English telling as two stories.
    driver.pipe(
        article("a-0701").from("ТАСС", "russia-state", "ru").at("2026-11-20T09:00:00Z")
            .title("МИД РФ объявил персонами нон грата трёх сотрудников представительства ЕС").text(WIRE_RU).build(),
        article("a-0702").from("TASS", "russia-state", "en").at("2026-11-20T09:10:00Z")
            .title("Russia expels three EU diplomats").text(WIRE_EN).build());

    assertThat(driver.storyOf("a-0702")).isEqualTo("s-0702");
  }
}
