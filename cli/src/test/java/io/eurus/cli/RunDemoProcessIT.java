package io.eurus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.cli.testing.RunningEurus;
import io.eurus.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eurus run --demo} as a user runs it: the packaged jar in its own process, offline. Alerts must
 * appear within 30 s, and Ctrl-C must stop everything, broker included, within seconds.
 */
class RunDemoProcessIT {

  private static final Path JAR = Path.of("target", "eurus.jar");

  @TempDir
  Path tmp;

  @Test
  void demoShowsAlertsWithin30SecondsAndCtrlCStopsEverythingCleanly() throws Exception {
    assumeThat(Files.exists(JAR)).as("the packaged jar (mvn package) at %s", JAR.toAbsolutePath()).isTrue();
    List<String> command = new ArrayList<>(List.of(RunningEurus.javaBin(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-jar",
        JAR.toString(), "run", "--demo", "--port", "0", "--ops-port", "0"));
    if (onPath("python3")) {
      // A test runner started in the background has SIGINT ignored, and a JVM that inherits an ignored
      // SIGINT never sees Ctrl-C: python resets it to the default before exec.
      command.addAll(0, List.of("python3", "-c",
          "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
    }
    RunningEurus running = new RunningEurus(new ProcessBuilder(command).redirectErrorStream(true).start());
    Process eurus = running.process();
    try {
      long began = System.nanoTime();
      int dashboardPort = running.dashboardPort(Duration.ofSeconds(60));

      JsonNode alerts = firstAlerts(dashboardPort, Duration.ofSeconds(30).minus(Duration.ofNanos(System.nanoTime() - began)));

      assertThat(alerts.size()).as("alerts within 30 s of start; output:%n%s", running.output()).isPositive();

      new ProcessBuilder("kill", "-INT", String.valueOf(eurus.pid())).start().waitFor();
      boolean exited = eurus.waitFor(15, TimeUnit.SECONDS);

      assertThat(exited).as("stopped within 15 s of Ctrl-C; output:%n%s", running.output()).isTrue();
      assertThat(eurus.descendants()).isEmpty();
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("eurus-")))
            .as("temporary broker data and processor state removed").isEmpty();
      }
    } finally {
      eurus.destroyForcibly();
      running.joinOutput();
    }
  }

  private static JsonNode firstAlerts(int port, Duration within) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode alerts = Json.mapper().createArrayNode();
    while (alerts.isEmpty() && System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts")).build(),
            HttpResponse.BodyHandlers.ofString());
        alerts = Json.mapper().readTree(response.body());
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    return alerts;
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

}
