package io.eurus.processor.profile;

import io.eurus.platform.StartupException;
import io.eurus.platform.config.ConfigFile;
import io.eurus.platform.config.Problems;
import io.eurus.platform.config.Validated;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the desk watches: two sides, each a list of actors with their names in every language, and the terms
 * that make a sentence about the relationship between them (sanctions, talks, ambassador …). The shipped
 * default is EU–Russia ({@code eurus/profile-eu-russia.yaml}); another relationship is another file.
 *
 * @param relationTerms per language, words that put one side's actor in a sentence about the relationship
 */
public record WatchProfile(String id, String name, List<Side> sides, Map<String, List<String>> relationTerms)
    implements Validated {

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

  private static final ConfigFile<WatchProfile> FILE = ConfigFile.of("watch profile", WatchProfile.class);

  public static WatchProfile defaults() {
    return FILE.readBundled(BUNDLED);
  }

  /** @throws StartupException when the file is missing or not a valid profile, naming the file and every problem */
  public static WatchProfile load(Path file) {
    return FILE.read(file);
  }

  @Override
  public void validate(Problems at) {
    at.check(id != null && !id.isBlank(), "id", "is missing");
    if (sides == null || sides.size() != 2) {
      at.add("sides", "needs exactly two sides");
      return;
    }
    for (int i = 0; i < sides.size(); i++) {
      Side side = sides.get(i);
      Problems here = at.at("sides").item(i);
      if (side == null || side.id() == null || side.actors() == null || side.actors().isEmpty()) {
        here.add("needs an id and at least one actor");
        continue;
      }
      for (int a = 0; a < side.actors().size(); a++) {
        Actor actor = side.actors().get(a);
        here.at("actors").item(a).check(actor != null && actor.name() != null && actor.aliases() != null, "name",
            "an actor of side " + side.id() + " needs a name and aliases");
      }
    }
  }

  public Map<String, List<String>> relationTerms() {
    return relationTerms == null ? Map.of() : relationTerms;
  }
}
