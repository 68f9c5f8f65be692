package io.eurus.processor.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.events.Severity;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * A rule without id, query or with an unknown severity is reported and left out; the others are kept.
 */
public final class RuleFile {

  public static final String BUNDLED = "/eurus/rules-eu-russia.yaml";

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** What the file holds: the usable rules and the problems of the others. */
  public record Contents(List<Rule> rules, List<RuleProblem> problems) {
  }

  private record RawFile(List<RawRule> rules) {
  }

  private record RawRule(String id, String name, String severity, List<String> languages, String query) {
  }

  private RuleFile() {
  }

  public static Contents bundled() {
    try (InputStream in = RuleFile.class.getResourceAsStream(BUNDLED)) {
      return read(in.readAllBytes(), "bundled rules " + BUNDLED);
    } catch (IOException e) {
      throw new IllegalStateException("bundled rules " + BUNDLED + " unreadable", e);
    }
  }

  /** @throws StartupException when the file cannot be read or is not a rules file at all */
  public static Contents load(Path file) {
    try {
      return read(Files.readAllBytes(file), "rules file " + file);
    } catch (IOException e) {
      throw new StartupException("rules file " + file + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  public static Contents read(byte[] yaml, String what) {
    RawFile raw;
    try {
      raw = YAML.readValue(yaml, RawFile.class);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage().lines().findFirst().orElse("")
          + location(json) : e.getMessage();
      throw new StartupException(what + ": not a rules file: " + reason, e);
    }
    List<Rule> rules = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    List<RawRule> entries = raw == null || raw.rules() == null ? List.of() : raw.rules();
    for (int i = 0; i < entries.size(); i++) {
      RawRule entry = entries.get(i);
      String id = entry.id() == null || entry.id().isBlank() ? "#" + (i + 1) : entry.id().strip();
      Severity severity = severity(entry.severity());
      if (entry.id() == null || entry.id().isBlank()) {
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
            : entry.languages().stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
        rules.add(new Rule(id, entry.name() == null ? id : entry.name(), severity, languages, entry.query()));
      }
    }
    return new Contents(rules, problems);
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

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
