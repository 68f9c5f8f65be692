package io.eurus.processor.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the desk watches: two sides, each a list of actors with their names in every language, and the terms
 * that make a sentence about the relationship between them (sanctions, talks, ambassador …). The shipped
 * default is EU–Russia ({@code eurus/profile-eu-russia.yaml}); another relationship is another file.
 *
 * @param relationTerms per language, words that put one side's actor in a sentence about the relationship
 */
public record WatchProfile(String id, String name, List<Side> sides, Map<String, List<String>> relationTerms) {

  /** One side of the relationship. */
  public record Side(String id, String name, List<Actor> actors) {
  }

  /**
   * An actor with its names per language. Names are matched on stems, so "Россия" also finds "России"; list
   * irregular forms ("Moscow's", "Кремлю") only where the stemmer does not join them.
   *
   * <p>A name that is also a place ("Europe", "Европа") is an actor only in some uses. {@code asWritten} matches
   * its names only in the forms listed (so "Европа" and "Европой" count, "в Европу" does not); {@code notAfter}
   * and {@code notBefore} list, per language, the words that make it not this actor when they stand right before
   * or after the name ("in Europe", "Radio Free Europe", "Europe minister").
   */
  public record Actor(String name, Map<String, List<String>> aliases, boolean asWritten,
      Map<String, List<String>> notAfter, Map<String, List<String>> notBefore) {

    public Actor(String name, Map<String, List<String>> aliases) {
      this(name, aliases, false, null, null);
    }

    public Actor {
      notAfter = notAfter == null ? Map.of() : notAfter;
      notBefore = notBefore == null ? Map.of() : notBefore;
    }
  }

  public static final String BUNDLED = "/eurus/profile-eu-russia.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static WatchProfile defaults() {
    try (InputStream in = WatchProfile.class.getResourceAsStream(BUNDLED)) {
      return read(in, "bundled profile " + BUNDLED);
    } catch (IOException e) {
      throw new IllegalStateException("bundled profile " + BUNDLED + " unreadable", e);
    }
  }

  /** @throws StartupException when the file is missing or not a valid profile, naming the file and the reason */
  public static WatchProfile load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, "profile " + file);
    } catch (IOException e) {
      throw new StartupException("profile " + file + ": cannot read it (" + e.getMessage() + ")", e);
    }
  }

  private static WatchProfile read(InputStream in, String what) {
    WatchProfile profile;
    try {
      profile = YAML.readValue(in, WatchProfile.class);
    } catch (IOException e) {
      throw new StartupException(what + ": not a watch profile: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    List<String> problems = new ArrayList<>();
    if (profile == null || profile.id() == null || profile.id().isBlank()) {
      problems.add("id is missing");
    }
    if (profile == null || profile.sides() == null || profile.sides().size() != 2) {
      problems.add("it needs exactly two sides");
    } else {
      for (Side side : profile.sides()) {
        if (side.id() == null || side.actors() == null || side.actors().isEmpty()) {
          problems.add("side " + side.id() + " needs an id and at least one actor");
        } else {
          side.actors().stream().filter(actor -> actor.name() == null || actor.aliases() == null)
              .forEach(actor -> problems.add("an actor of side " + side.id() + " needs a name and aliases"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StartupException(what + ": " + String.join("; ", problems));
    }
    return profile;
  }

  public Map<String, List<String>> relationTerms() {
    return relationTerms == null ? Map.of() : relationTerms;
  }
}
