package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.embedded.testing.GroupProgress;
import io.eurus.embedded.testing.SharedKafka;
import io.eurus.embedded.testing.TopicProbe;
import io.eurus.events.Alert;
import io.eurus.events.Article;
import io.eurus.events.Json;
import io.eurus.events.ToneWindow;
import io.eurus.events.Topics;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.processor.replay.Replay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eurus processor} as deployed, in its own process on the shared broker, killed with SIGKILL in the middle
 * of a series and started again on an empty state folder, so that everything it knew — stories, open windows,
 * baselines, open alerts — must come back from the changelog topics. Its alerts must be exactly those of an
 * uninterrupted run over the same articles: {@code eurus replay} of the same file, the same topology from start to
 * end in one go. None lost, none twice.
 *
 * <p>The articles are about a made-up relationship ({@code restart/profile.yaml}), so whatever other tests leave
 * on the shared {@code articles} topic is about nothing in its profile and cannot count in its windows. Such an
 * article still moves the processor's clock: one dated after this series and read before it would close the
 * series' windows early. No other test of this module writes articles to the shared broker, and this series ends
 * two hours before the test runs (the broker refuses record times far ahead of its clock). Its own articles go to
 * one partition, in event-time order, as the replay reads them.
 */
class ProcessorRestartIT {

  private static final Path JAR = Path.of("target", "eurus.jar");
  /** Both processors' output, kept for a look after a failure. */
  private static final Path LOG = Path.of("target", "processor-restart-it.log");
  private static final String PROFILE = "arkadia-borduria";
  private static final int HOURS = 40;
  /** The series ends two hours before the test runs: the broker takes no timestamps ahead of its clock. */
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS + 2));

  @TempDir
  Path folder;

  @Test
  void killedMidSeriesAndRestartedOnEmptyStateItRaisesExactlyTheAlertsOfAnUninterruptedRun() throws Exception {
    assumeThat(Files.exists(JAR)).as("the packaged jar (mvn package) at %s", JAR.toAbsolutePath()).isTrue();
    String run = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    List<Article> articles = coverage(run);
    Path archive = folder.resolve("coverage.jsonl");
    Files.write(archive, articles.stream().map(ProcessorRestartIT::json).toList());
    List<Alert> expected = replayed(archive);
    assertThat(expected).as("the series raises alerts of each kind").extracting(Alert::type).map(Enum::name)
        .contains("TONE_SHIFT", "VOLUME_SPIKE", "TONE_DIVERGENCE");

    String applicationId = "it-" + run;
    AtomicInteger sent = new AtomicInteger();
    try (TopicProbe<String, Alert> alerts = new TopicProbe<>(SharedKafka.bootstrapServers(), Topics.ALERTS);
         TopicProbe<String, ToneWindow> windows = new TopicProbe<>(SharedKafka.bootstrapServers(), Topics.TONE_WINDOWS)) {
      long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
      Process first = processor(applicationId, folder.resolve("state-1"));
      Thread producer = new Thread(() -> publish(articles, sent));
      producer.start();
      // Mid-series: the processor has closed the windows of the first day and raised its first alert, with more
      // to come. Which hour raises the first alert depends on the tone model (under bge-small, hour 28; under
      // MiniLM, the Arkadian turn of hours 12-16), so the kill waits for the alert itself, not for an hour.
      Instant midSeries = START.plus(Duration.ofHours(20));
      windows.readUntil(seen -> seen.stream().map(ConsumerRecord::value).anyMatch(w -> w.profile().equals(PROFILE)
          && w.closed() && !w.windowStart().isBefore(midSeries)), Duration.ofSeconds(120));
      alerts.readUntil(seen -> !mine(seen, articles).isEmpty(), Duration.ofSeconds(120));
      new ProcessBuilder("kill", "-KILL", String.valueOf(first.pid())).start().waitFor();
      assertThat(first.waitFor(20, TimeUnit.SECONDS)).as("killed").isTrue();
      // Nothing can be committed after the kill: what the topic holds now is what the first run raised.
      List<Alert> beforeKill = mine(alerts.readFor(Duration.ofSeconds(5)), articles);
      assertThat(beforeKill).as("killed mid-series: some alerts out, not all").isNotEmpty().hasSizeLessThan(expected.size());
      producer.join();

      Process second = processor(applicationId, folder.resolve("state-2"));
      try {
        List<Alert> live = mine(alerts.readUntil(seen -> mine(seen, articles).size() >= expected.size(),
            Duration.ofSeconds(180)), articles);
        // Exactly-once: once the processor has committed every article, all it raised from them is out.
        GroupProgress.awaitCaughtUp(SharedKafka.bootstrapServers(), Topics.ARTICLES.name(), Duration.ofSeconds(120), applicationId);
        live = mine(alerts.readFor(Duration.ofSeconds(1)), articles);

        assertThat(live).extracting(Alert::id).doesNotHaveDuplicates();
        // Short enough to read in the tail of a CI log: which alerts, and which of their fields, differ.
        List<String> differences = differences(expected, live);
        assertThat(differences).as("alerts of the restarted run that differ from the replay's; the processors' "
            + "warnings: %s", differences.isEmpty() ? List.of() : warnings(logStart)).isEmpty();
        assertThat(sorted(live)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(sorted(expected));
      } finally {
        second.destroy();
        second.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  /** The alerts that the test's articles raised, in the order they were read. */
  private static List<Alert> mine(List<ConsumerRecord<String, Alert>> records, List<Article> articles) {
    String prefix = articles.get(0).id().substring(0, articles.get(0).id().lastIndexOf('-') + 1);
    return records.stream().map(ConsumerRecord::value)
        .filter(alert -> alert.key().contains(":" + PROFILE) || alert.key().contains(":" + prefix))
        .toList();
  }

  /** The processors' warnings and errors of this run, each once, the harmless start-up notices left out. */
  private static List<String> warnings(long logStart) throws IOException {
    String log = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8); // whatever the processes' charset
    return log.substring((int) Math.min(logStart, log.length())).lines()
        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
        .filter(line -> !line.contains("processing.exception.handler.global.enabled") && !line.contains("OS temp directory"))
        .map(line -> line.replaceFirst("^\\S+ ", "").replaceAll("\\d+", "#")) // the same warning counts once
        .map(line -> line.length() > 200 ? line.substring(0, 200) : line)
        .distinct().limit(10).toList();
  }

  /** Per alert id: missing, unexpected, or the JSON paths whose values differ, with both values. */
  private static List<String> differences(List<Alert> expected, List<Alert> actual) {
    Map<String, JsonNode> want = new TreeMap<>();
    expected.forEach(alert -> want.put(alert.id(), Json.mapper().valueToTree(alert)));
    Map<String, JsonNode> got = new TreeMap<>();
    actual.forEach(alert -> got.put(alert.id(), Json.mapper().valueToTree(alert)));
    List<String> differences = new ArrayList<>();
    want.forEach((id, alert) -> {
      if (!got.containsKey(id)) {
        differences.add("missing " + id);
      } else {
        differ(id, "", alert, got.get(id), differences);
      }
    });
    got.keySet().stream().filter(id -> !want.containsKey(id)).forEach(id -> differences.add("unexpected " + id));
    return differences.size() > 30 ? differences.subList(0, 30) : differences;
  }

  private static void differ(String id, String path, JsonNode want, JsonNode got, List<String> differences) {
    if (want.equals(got)) {
      return;
    }
    if (want.isContainerNode() && got.isContainerNode() && want.size() == got.size()) {
      Set<String> names = new TreeSet<>();
      want.fieldNames().forEachRemaining(names::add);
      got.fieldNames().forEachRemaining(names::add);
      if (want.isArray()) {
        for (int i = 0; i < want.size(); i++) {
          differ(id, path + "[" + i + "]", want.get(i), got.get(i), differences);
        }
      }
      for (String name : names) {
        differ(id, path + "." + name, want.path(name), got.path(name), differences);
      }
      return;
    }
    differences.add(id + " " + path + ": replay " + want + ", restarted " + got);
  }

  private static List<Alert> sorted(List<Alert> alerts) {
    return alerts.stream().sorted(Comparator.comparing(Alert::id)).toList();
  }

  /** What {@code eurus replay} prints for the file: the uninterrupted run. */
  private List<Alert> replayed(Path archive) throws Exception {
    CapturedEurus eurus = new CapturedEurus();
    int exit = eurus.run("replay", archive.toString(), "--profile", resource("profile.yaml"),
        "--detectors", resource("detectors.yaml"));
    assertThat(exit).as(eurus.err()).isZero();
    List<Alert> alerts = new ArrayList<>();
    for (String line : eurus.out().lines().toList()) {
      alerts.add(Json.mapper().readValue(line, Alert.class));
    }
    return alerts;
  }

  private Process processor(String applicationId, Path stateDir) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
        JAR.toString(), "processor", "--bootstrap-servers", SharedKafka.bootstrapServers(), "--ops-port", "0",
        "--set", "processor.application.id=" + applicationId,
        "--set", "processor.state.dir=" + stateDir,
        "--set", "processor.profile.file=" + resource("profile.yaml"),
        "--set", "processor.detectors.file=" + resource("detectors.yaml"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
        .start();
  }

  /**
   * The articles, then the clock article the replay ends with (so that the live run closes the same last window),
   * one every 20 ms to one partition: the processor is killed while they still come.
   */
  private static void publish(List<Article> articles, AtomicInteger sent) {
    List<Article> all = new ArrayList<>(articles);
    Instant last = articles.get(articles.size() - 1).published();
    Instant tick = last.plus(Duration.ofMinutes(90)); // the detectors' window size and grace, as Replay.finish does
    all.add(Article.builder()
        .id(Replay.CLOCK_ID)
        .revision(1)
        .title("")
        .text("")
        .language("und")
        .published(tick)
        .fetched(tick)
        .build());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        KafkaClients.producerConfig(KafkaConnection.to(SharedKafka.bootstrapServers()), "restart-it"), new StringSerializer(),
        new ByteArraySerializer())) {
      for (Article article : all) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), 0, article.id(), Json.mapper().writeValueAsBytes(article)));
        sent.incrementAndGet();
        Thread.sleep(20);
      }
      producer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Forty hours of coverage: two outlets per side, three or four stories an hour each, some carried by the other
   * outlet of the side a few minutes later. Hours 12–16: the Arkadian side turns cooperative (the sides drift
   * apart before the kill); hours 28–34: the Bordurian side turns hostile while the Arkadian side is cooperative
   * again, a gap wide enough for the divergence under any tone model; hour 30: a burst of fifteen stories per
   * outlet (tone shift and volume spike after the restart).
   */
  private static List<Article> coverage(String run) {
    SplittableRandom random = new SplittableRandom(31);
    String[][] outlets = {{"Arkadia Today", "arkadia-media"}, {"Arkadian Herald", "arkadia-media"},
        {"Bordurian Voice", "borduria-media"}, {"Plekszy Gazette", "borduria-media"}};
    List<Article> articles = new ArrayList<>();
    for (int hour = 0; hour < HOURS; hour++) {
      for (int o = 0; o < outlets.length; o++) {
        boolean arkadian = o < 2;
        boolean warming = arkadian && (hour >= 12 && hour <= 16 || hour >= 28 && hour <= 34);
        double conflict = !arkadian && hour >= 28 && hour <= 34 ? 0.95 : warming ? 0.05 : 0.4;
        double cooperation = warming ? 0.9 : 0.3;
        int stories = 3 + random.nextInt(2) + (hour == 30 ? 15 : 0);
        for (int s = 0; s < stories; s++) {
          Instant published = START.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(random.nextInt(50)));
          String text = story(random, conflict, cooperation);
          String id = run + "-" + articles.size();
          articles.add(article(id, outlets[o], published, text));
          if (random.nextInt(5) == 0) {
            articles.add(article(id + "-copy", outlets[o ^ 1], published.plus(Duration.ofMinutes(4)), text));
          }
        }
      }
    }
    articles.sort(Comparator.comparing(Article::published).thenComparing(Article::id));
    return articles;
  }

  private static String story(SplittableRandom random, double conflict, double cooperation) {
    String[] conflictual = {"Arkadia expelled %d Bordurian diplomats.", "Borduria imposed sanctions on Arkadian banks.",
        "Marshal Plekszy condemned the Arkadian embassy over the arrest of %d citizens.",
        "President Vell accused Borduria of aggression at the border."};
    String[] cooperative = {"Arkadia and Borduria agreed to resume talks.", "President Vell praised the summit with Marshal Plekszy.",
        "Borduria welcomed the Arkadian proposal for a prisoner exchange of %d detainees.",
        "The Arkadian ambassador signed an agreement with Borduria."};
    String[] neutral = {"The Bordurian ambassador met journalists in Arkadia.", "Arkadia published figures on trade with Borduria."};
    String[] filler = ("harbour railway festival museum harvest budget school bridge tunnel airport station turbine "
        + "factory pension court river forest park company report survey university phone satellite concert hotel "
        + "island mountain traffic marathon medal stadium mayor climate housing market weather storm").split(" ");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      double draw = random.nextDouble();
      String[] pool = draw < conflict ? conflictual : draw < conflict + cooperation ? cooperative : neutral;
      text.append(String.format(pool[random.nextInt(pool.length)], 2 + random.nextInt(20))).append(' ');
    }
    for (int sentence = 0; sentence < 4; sentence++) {
      for (int w = 0; w < 10; w++) {
        text.append(filler[random.nextInt(filler.length)]).append(w == 9 ? ". " : " ");
      }
    }
    return text.toString().strip();
  }

  private static Article article(String id, String[] outlet, Instant published, String text) {
    String title = text.substring(0, text.indexOf('.'));
    return Article.builder()
        .id(id)
        .revision(1)
        .feedId(outlet[1])
        .source(outlet[0])
        .bloc(outlet[1])
        .url("https://news.example/" + id)
        .title(title)
        .text(text)
        .language("en")
        .published(published)
        .fetched(published.plus(Duration.ofMinutes(2)))
        .build();
  }

  private static String json(Article article) {
    try {
      return Json.mapper().writeValueAsString(article);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(ProcessorRestartIT.class.getResource("/restart/" + name).toURI()).toString();
  }
}
