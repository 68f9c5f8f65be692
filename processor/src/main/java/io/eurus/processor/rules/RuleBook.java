package io.eurus.processor.rules;

import io.eurus.events.RuleMatch;
import io.eurus.platform.StartupException;
import io.eurus.processor.text.AnalysedText;
import io.eurus.processor.text.Languages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force, reloaded without a restart: every few seconds the rules file is read again and, when its
 * content changed, compiled into a new matcher that replaces the old one between two articles. A rule that does
 * not parse is logged with its id and the parser's position and left out; the other rules keep working. A file
 * that cannot be read or is no rules file at all keeps the previous rules in force.
 */
public final class RuleBook implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);
  // An article being matched on another thread may still hold the previous matcher: close it a bit later.
  private static final Duration RETIRE_AFTER = Duration.ofSeconds(30);

  private final Path file;
  private final Languages languages;
  private final Consumer<RuleMatcher> onLoad;
  private final AtomicReference<RuleMatcher> current = new AtomicReference<>();
  private final ScheduledExecutorService watcher;
  private byte[] digest;

  private RuleBook(Path file, Languages languages, Duration interval, Consumer<RuleMatcher> onLoad) {
    this.file = file;
    this.languages = languages;
    this.onLoad = onLoad;
    if (file == null) {
      install(RuleMatcher.compile(RuleFile.bundled(), languages), "bundled rules");
      watcher = null;
      return;
    }
    byte[] content = read(file);
    digest = digest(content);
    install(RuleMatcher.compile(RuleFile.read(content, "rules file " + file), languages), "rules file " + file);
    if (interval.isZero()) {
      watcher = null;
      return;
    }
    watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "eurus-rules-watch");
      thread.setDaemon(true);
      return thread;
    });
    watcher.scheduleWithFixedDelay(this::reloadIfChanged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The bundled default EU–Russia rules. */
  public static RuleBook bundled(Languages languages) {
    return new RuleBook(null, languages, Duration.ZERO, matcher -> { });
  }

  /**
   * Rules from {@code file}, checked for changes every {@code interval} (zero: never).
   *
   * @param onLoad told of every rule set put in force, e.g. to publish how many rules are broken
   * @throws StartupException when the file cannot be read or is not a rules file
   */
  public static RuleBook watching(Path file, Languages languages, Duration interval, Consumer<RuleMatcher> onLoad) {
    return new RuleBook(file, languages, interval, onLoad);
  }

  public List<RuleMatch> match(AnalysedText text) {
    return current.get().match(text);
  }

  public RuleMatcher current() {
    return current.get();
  }

  /** Reads the file again now; true when a changed rule set was put in force. */
  public synchronized boolean reloadIfChanged() {
    try {
      byte[] content = Files.readAllBytes(file);
      byte[] newDigest = digest(content);
      if (Arrays.equals(newDigest, digest)) {
        return false;
      }
      digest = newDigest;
      RuleMatcher next = RuleMatcher.compile(RuleFile.read(content, "rules file " + file), languages);
      install(next, "rules file " + file + " (reloaded)");
      return true;
    } catch (IOException | StartupException e) {
      LOG.error("rules file {}: {}; the previous rules stay in force", file,
          e instanceof StartupException ? e.getMessage() : "cannot read it (" + e + ")");
      return false;
    } catch (RuntimeException e) {
      LOG.error("rules file {}: cannot compile it ({}); the previous rules stay in force", file, e.toString());
      return false;
    }
  }

  private void install(RuleMatcher next, String source) {
    next.problems().forEach(problem -> LOG.error("{}: {} — left out, the other rules keep working", source, problem));
    LOG.info("{}: {} rules in force{}", source, next.rules().size(),
        next.problems().isEmpty() ? "" : ", " + next.problems().size() + " left out");
    RuleMatcher previous = current.getAndSet(next);
    onLoad.accept(next);
    if (previous != null) {
      retire(previous);
    }
  }

  private void retire(RuleMatcher previous) {
    if (watcher == null) {
      previous.close();
    } else {
      watcher.schedule(previous::close, RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StartupException("rules file " + file + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] digest(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    RuleMatcher last = current.getAndSet(null);
    if (last != null) {
      last.close();
    }
  }
}
