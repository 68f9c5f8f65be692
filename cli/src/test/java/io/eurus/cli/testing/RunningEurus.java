package io.eurus.cli.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code eurus run} in its own process, as a test started it: its output read as it comes (kept for the test's
 * messages), and the dashboard's port once it says it is running.
 */
public final class RunningEurus {

  private static final Pattern DASHBOARD = Pattern.compile("dashboard at http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread reader;

  public RunningEurus(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "eurus-output");
    reader.start();
  }

  /** The java of this JVM, to run the packaged jar with. */
  public static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public Process process() {
    return process;
  }

  /** The dashboard's port, once the process has said it is running; fails if it ends or takes longer. */
  public int dashboardPort(Duration within) throws InterruptedException, ExecutionException, TimeoutException {
    return port.get(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What it printed so far, one line each. */
  public String output() {
    return String.join("\n", output);
  }

  /** Waits for its output to end, after the process stopped. */
  public void joinOutput() throws InterruptedException {
    reader.join(5_000);
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.add(line);
        Matcher matcher = DASHBOARD.matcher(line);
        if (line.contains("Eurus is running") && matcher.find()) {
          port.complete(Integer.parseInt(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    port.completeExceptionally(new IllegalStateException("eurus ended before it was running: " + output));
  }
}
