package io.eurus.processor.rules;

import io.eurus.events.RuleMatch;
import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import io.eurus.processor.text.AnalysedText;
import io.eurus.processor.text.Languages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force, reloaded without a restart: every few seconds the rules file is read again and, when its
 * content changed, compiled into a new matcher that replaces the old one between two articles. A rule that does
 * not parse is logged with its id and the parser's position and left out; the other rules keep working.
 *
 * <p>Rules never vanish by accident: a file that disappears, cannot be read, is no rules file at all, or holds no
 * usable rule (a half-done edit, {@code rules: []} after a bad merge) keeps the previous rules in force, is logged
 * once as a WARN (not at every check) and is reported to the {@link Listener}, which raises it to the desk; the
 * next good file ends the problem. Running without rules on purpose takes {@code allowNoRules}.
 */
public final class RuleBook implements AutoCloseable {

  /** Told what happens to the rules file. */
  public interface Listener {
    /** A rule set was put in force (at start and on each reload). */
    void loaded(RuleMatcher matcher);

    /** The file on disk cannot be put in force; the previous rules stay. Called again only when the problem changes. */
    default void problem(Problem problem) {
    }

    /** A good file again after a problem; {@link #loaded} was told of its rules just before. */
    default void fixed(RuleMatcher matcher) {
    }

    static Listener onLoad(Consumer<RuleMatcher> onLoad) {
      return onLoad::accept;
    }
  }

  /**
   * Why the rules file is not in force.
   *
   * @param changed when the file took the state it is in (its last change, or its folder's when it is gone):
   *                the same for every instance that reads the same file, so they name the problem alike
   * @param inForce how many rules stay in force meanwhile
   */
  public record Problem(Path file, String reason, Instant changed, int inForce) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);
  // An article being matched on another thread may still hold the previous matcher: close it a bit later.
  private static final Duration RETIRE_AFTER = Duration.ofSeconds(30);

  private final Path file;
  private final Languages languages;
  private final boolean allowNoRules;
  private final Listener listener;
  private final AtomicReference<RuleMatcher> current = new AtomicReference<>();
  private final ScheduledExecutorService watcher;
  private byte[] digest;
  private String problem;

  private RuleBook(Path file, Languages languages, Duration interval, boolean allowNoRules, Listener listener) {
    this.file = file;
    this.languages = languages;
    this.allowNoRules = allowNoRules;
    this.listener = listener;
    if (file == null) {
      install(RuleMatcher.compile(RuleFile.bundled(), languages), "bundled rules");
      watcher = null;
      return;
    }
    byte[] content = read(file);
    digest = digest(content);
    RuleMatcher first = RuleMatcher.compile(RuleFile.read(content, file.toString()), languages);
    if (first.rules().isEmpty() && !allowNoRules) {
      first.close();
      throw new StartupException("rules file " + file + " " + noRules(first)
          + ": fix it, or set processor.rules.allow.empty=true to run without rules on purpose");
    }
    install(first, "rules file " + file);
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
    return new RuleBook(null, languages, Duration.ZERO, false, matcher -> { });
  }

  /**
   * Rules from {@code file}, checked for changes every {@code interval} (zero: never).
   *
   * @param onLoad told of every rule set put in force, e.g. to publish how many rules are broken
   * @throws StartupException when the file cannot be read or is not a rules file
   */
  public static RuleBook watching(Path file, Languages languages, Duration interval, Consumer<RuleMatcher> onLoad) {
    return new RuleBook(file, languages, interval, false, Listener.onLoad(onLoad));
  }

  /**
   * Rules from {@code file}, checked every {@code interval}; a file without rules is refused (at start) or kept
   * out of force (on a reload) unless {@code allowNoRules}.
   *
   * @throws StartupException when the file cannot be read, is not a rules file, or holds no rules when it must
   */
  public static RuleBook watching(Path file, Languages languages, Duration interval, boolean allowNoRules, Listener listener) {
    return new RuleBook(file, languages, interval, allowNoRules, listener);
  }

  public List<RuleMatch> match(AnalysedText text) {
    return current.get().match(text);
  }

  public RuleMatcher current() {
    return current.get();
  }

  /** Reads the file again now; true when a changed rule set was put in force. */
  public synchronized boolean reloadIfChanged() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return refuse("is gone (deleted or moved)");
    } catch (IOException e) {
      return refuse("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    byte[] newDigest = digest(content);
    if (Arrays.equals(newDigest, digest)) {
      return false; // unchanged since the last look, in force or already reported
    }
    digest = newDigest;
    RuleMatcher next;
    try {
      next = RuleMatcher.compile(RuleFile.read(content, file.toString()), languages);
    } catch (StartupException e) {
      return refuse(reasonOf(e));
    } catch (RuntimeException e) {
      return refuse("cannot be compiled (" + e + ")");
    }
    if (next.rules().isEmpty() && !allowNoRules) {
      next.close();
      return refuse(noRules(next));
    }
    install(next, "rules file " + file + " (reloaded)");
    if (problem != null) {
      problem = null;
      LOG.info("rules file {}: fixed, {} rules in force", file, next.rules().size());
      listener.fixed(next);
    }
    return true;
  }

  /** Why the file is no rules file, on one line and without its name: {@code has 1 problem: rules[0]: unknown key …}. */
  private String reasonOf(StartupException e) {
    String headline = e.getMessage().lines().findFirst().orElse("").replace("rules file " + file + " ", "");
    return e instanceof SettingsException settings
        ? headline + " " + settings.problems().stream().map(problem -> problem.replace(file + ": ", "")).collect(Collectors.joining("; "))
        : headline;
  }

  private static String noRules(RuleMatcher matcher) {
    return "holds no usable rule" + (matcher.problems().isEmpty() ? "" : " (" + matcher.problems().size() + " left out)");
  }

  /** The file on disk is not put in force: said once per problem, not at every check. */
  private boolean refuse(String reason) {
    if (!reason.equals(problem)) {
      problem = reason;
      int inForce = current.get() == null ? 0 : current.get().rules().size();
      LOG.warn("rules file {} {}; the previous {} rules stay in force{}", file, reason, inForce,
          reason.startsWith("holds no") ? " (set processor.rules.allow.empty=true to run without rules on purpose)" : "");
      listener.problem(new Problem(file, reason, changedAt(), inForce));
    }
    if (reason.startsWith("is gone") || reason.startsWith("cannot be read")) {
      digest = null; // whatever comes back is read anew
    }
    return false;
  }

  /** When the file took its present state: its last change, or its folder's when it is gone. */
  private Instant changedAt() {
    try {
      Path existing = Files.exists(file) ? file : file.toAbsolutePath().getParent();
      return Files.getLastModifiedTime(existing).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  private void install(RuleMatcher next, String source) {
    next.problems().forEach(problem -> LOG.error("{}: {} — left out, the other rules keep working", source, problem));
    LOG.info("{}: {} rules in force{}", source, next.rules().size(),
        next.problems().isEmpty() ? "" : ", " + next.problems().size() + " left out");
    RuleMatcher previous = current.getAndSet(next);
    listener.loaded(next);
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
