package io.eurus.processor.rules;

import io.eurus.events.Severity;
import io.eurus.platform.StartupException;
import io.eurus.platform.config.ConfigFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the rules file:
 *
 * <pre>
 * rules:
 *   - id: expulsions
 *     name: Expulsion of diplomats
 *     severity: HIGH            # LOW, MEDIUM, HIGH, CRITICAL
 *     languages: [en, ru]       # optional: every language when left out
 *     query: '"expel diplomats"~3 OR высылк*'
 * </pre>
 *
 * A file that is no rules file (not YAML, an unknown key, a value of the wrong kind) is refused whole, every
 * problem named with its path. A rule without id, query or with an unknown severity is reported and left out;
 * the others are kept.
 */
public final class RuleFile {

  public static final String BUNDLED = "/eurus/rules-eu-russia.yaml";

  private static final ConfigFile<Contents> FILE = ConfigFile.of("rules file", RawFile.class).making((raw, problems) -> raw.contents());

  /** What the file holds: the usable rules and the problems of the others. */
  public record Contents(List<Rule> rules, List<RuleProblem> problems) {
  }

  private record RawFile(List<RawRule> rules) {

    Contents contents() {
      List<Rule> usable = new ArrayList<>();
      List<RuleProblem> problems = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      List<RawRule> entries = rules == null ? List.of() : rules;
      for (int i = 0; i < entries.size(); i++) {
        RawRule entry = entries.get(i);
        String id = entry == null || entry.id() == null || entry.id().isBlank() ? "#" + (i + 1) : entry.id().strip();
        Severity severity = entry == null ? null : severity(entry.severity());
        if (entry == null) {
          problems.add(new RuleProblem(id, "is empty"));
        } else if (entry.id() == null || entry.id().isBlank()) {
          problems.add(new RuleProblem(id, "has no id"));
        } else if (seen.contains(id)) {
          problems.add(new RuleProblem(id, "the id is used by an earlier rule"));
        } else if (entry.query() == null || entry.query().isBlank()) {
          problems.add(new RuleProblem(id, "has no query"));
        } else if (severity == null) {
          problems.add(new RuleProblem(id, "severity '" + entry.severity() + "' is not one of LOW, MEDIUM, HIGH, CRITICAL"));
        } else {
          seen.add(id);
          List<String> languages = entry.languages() == null ? List.of()
              : entry.languages().stream().filter(Objects::nonNull).map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
          usable.add(new Rule(id, entry.name() == null ? id : entry.name(), severity, languages, entry.query()));
        }
      }
      return new Contents(usable, problems);
    }
  }

  private record RawRule(String id, String name, String severity, List<String> languages, String query) {
  }

  private RuleFile() {
  }

  public static Contents bundled() {
    return FILE.readBundled(BUNDLED);
  }

  /**
   * The rules in {@code yaml}.
   *
   * @param source names the text in messages: its file, {@code bundled …}
   * @throws StartupException when it is not a rules file, with every problem and its path
   */
  public static Contents read(byte[] yaml, String source) {
    return FILE.parse(new String(yaml, StandardCharsets.UTF_8), source);
  }

  private static Severity severity(String text) {
    if (text == null) {
      return Severity.MEDIUM;
    }
    try {
      return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
