package io.eurus.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eurus.events.FeedDefinition;
import io.eurus.ingest.FeedList;
import io.eurus.platform.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which source bloc each source of an archive belongs to, for {@code eurus replay --blocs FILE}: archived coverage
 * names its source ("The Guardian", "РИА Новости") but seldom its bloc, and without blocs there are no bloc series
 * and no sides to compare. Either a file of its own,
 *
 * <pre>
 * blocs:
 *   eu-media: [Le Monde (English), Politico Europe]
 *   russia-state: [РИА Новости]
 * </pre>
 *
 * or the desk's feed list ({@code feeds:}, as ingest reads it), where a source is a feed's name or id. A source the
 * map does not name keeps the bloc its line carries, else counts as {@code unassigned}.
 */
public final class BlocMap {

  /** The bloc of a source nobody placed: the series name ingest's articles without a bloc get too. */
  public static final String UNASSIGNED = "unassigned";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, String> blocOfSource;

  private BlocMap(Map<String, String> blocOfSource) {
    this.blocOfSource = Map.copyOf(blocOfSource);
  }

  /** No map: every line keeps its own bloc. */
  public static BlocMap none() {
    return new BlocMap(Map.of());
  }

  /** @throws StartupException naming the file and every problem in it, on one line */
  public static BlocMap load(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new StartupException("bloc map " + file + ": cannot read it as YAML ("
          + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    if (root != null && root.has("feeds")) {
      Map<String, String> blocs = new TreeMap<>();
      for (FeedDefinition feed : FeedList.load(file)) {
        if (feed.bloc() != null && !feed.bloc().isBlank()) {
          blocs.put(feed.id(), feed.bloc());
          if (feed.name() != null && !feed.name().isBlank()) {
            blocs.put(feed.name(), feed.bloc());
          }
        }
      }
      return new BlocMap(blocs);
    }
    return new BlocMap(ofBlocs(root, file));
  }

  private static Map<String, String> ofBlocs(JsonNode root, Path file) {
    JsonNode blocs = root == null ? null : root.get("blocs");
    if (blocs == null || !blocs.isObject()) {
      throw new StartupException("bloc map " + file + ": needs a 'blocs:' mapping of bloc to source names, "
          + "or a 'feeds:' list as ingest reads it");
    }
    Map<String, String> map = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    root.fieldNames().forEachRemaining(key -> {
      if (!key.equals("blocs")) {
        problems.add(key + ": unknown key");
      }
    });
    for (Iterator<Map.Entry<String, JsonNode>> entries = blocs.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String bloc = entry.getKey();
      if (!entry.getValue().isArray()) {
        problems.add("blocs." + bloc + ": must be a list of source names");
        continue;
      }
      for (JsonNode source : entry.getValue()) {
        String name = source.asText("").trim();
        if (!source.isTextual() || name.isEmpty()) {
          problems.add("blocs." + bloc + ": " + source + " is not a source name");
        } else {
          String before = map.put(name, bloc);
          if (before != null && !before.equals(bloc)) {
            problems.add("blocs: source '" + name + "' is in both " + before + " and " + bloc);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StartupException("bloc map " + file + ": " + problems.size()
          + (problems.size() == 1 ? " problem: " : " problems: ") + String.join("; ", problems));
    }
    return map;
  }

  /** Whether the map names any source: when it does, what it leaves out is worth reporting. */
  public boolean isEmpty() {
    return blocOfSource.isEmpty();
  }

  /**
   * The bloc of an article from {@code source} (or its feed {@code feedId}) whose line says {@code ownBloc}: the
   * map's when it names the source, else the line's own, else null (the series count it as unassigned).
   */
  public String blocOf(String source, String feedId, String ownBloc) {
    String mapped = source == null ? null : blocOfSource.get(source.trim());
    if (mapped == null && feedId != null) {
      mapped = blocOfSource.get(feedId);
    }
    if (mapped != null) {
      return mapped;
    }
    return ownBloc == null || ownBloc.isBlank() ? null : ownBloc;
  }
}
