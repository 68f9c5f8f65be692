package io.eurus.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

  private final AtomicLong now = new AtomicLong();
  private final StringWriter err = new StringWriter();
  private final ReplayProgress progress = new ReplayProgress(new PrintWriter(err, true), now::get);

  @Test
  void aLongReplayReportsHowFarHowFastAndHowLongIsLeftEveryFiveSeconds() {
    progress.replaying(300_000);
    at(Duration.ofSeconds(4));
    progress.replayed(8_000);
    assertThat(err.toString()).as("not before five seconds").isEmpty();

    at(Duration.ofSeconds(10));
    progress.replayed(20_000);
    at(Duration.ofSeconds(11));
    progress.replayed(22_000);

    assertThat(err.toString()).isEqualTo(
        "eurus replay: 20,000 of 300,000 articles (6%), 2,000 articles/s, about 2m20s left" + System.lineSeparator());
  }

  @Test
  void theFirstReportComesFiveSecondsIntoTheReplayNotIntoTheReading() {
    at(Duration.ofSeconds(6)); // reading and sorting the file took six seconds
    progress.replaying(300_000);
    at(Duration.ofSeconds(7));
    progress.replayed(1_000);
    assertThat(err.toString()).isEmpty();

    at(Duration.ofSeconds(11));
    progress.replayed(10_000);
    assertThat(err.toString()).startsWith("eurus replay: 10,000 of 300,000 articles (3%), 2,000 articles/s");
  }

  @Test
  void theLastLineSaysHowManyArticlesInHowLongAndWhatCameOfThem() {
    progress.replaying(1_500);
    at(Duration.ofMillis(2_500));
    progress.replayed(1_500);
    progress.finished(1_500, 37, 2, 1);

    assertThat(err.toString()).isEqualTo("eurus replay: 1,500 articles in 2.5s (600 articles/s): 37 alerts, "
        + "2 late articles dropped, 1 bad lines" + System.lineSeparator());
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertThat(ReplayProgress.human(Duration.ofMillis(48_240))).isEqualTo("48.2s");
    assertThat(ReplayProgress.human(Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(ReplayProgress.human(Duration.ofSeconds(3_725))).isEqualTo("1h02m05s");
  }

  private void at(Duration sinceStart) {
    now.set(sinceStart.toNanos());
  }
}
