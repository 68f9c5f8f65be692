package io.eurus.cli.replay;

import io.eurus.events.FeedDefinition;
import io.eurus.ingest.FeedList;
import io.eurus.platform.config.ConfigFile;
import io.eurus.platform.config.Problems;
import io.eurus.platform.config.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  private static final ConfigFile<BlocFile> FILE = ConfigFile.of("bloc map", BlocFile.class);

  private final Map<String, String> blocOfSource;

  private BlocMap(Map<String, String> blocOfSource) {
    this.blocOfSource = Map.copyOf(blocOfSource);
  }

  /** No map: every line keeps its own bloc. */
  public static BlocMap none() {
    return new BlocMap(Map.of());
  }

  /**
   * @throws io.eurus.platform.StartupException when the file cannot be read, or a {@code SettingsException} naming every problem in
   *     it, one line each
   */
  public static BlocMap load(Path file) {
    if (isFeedList(file)) {
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
    return new BlocMap(FILE.read(file).bySource());
  }

  /** A feed list is the other way to give blocs: its top level says {@code feeds:}. */
  private static boolean isFeedList(Path file) {
    try (var lines = Files.lines(file)) {
      return lines.anyMatch(line -> line.startsWith("feeds:"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false; // the reader below reports why the file cannot be read
    }
  }

  /** The file as written: bloc → its sources. */
  record BlocFile(LinkedHashMap<String, List<String>> blocs) implements Validated {

    @Override
    public void validate(Problems at) {
      if (blocs == null || blocs.isEmpty()) {
        at.add("blocs", "is missing: a mapping of each bloc to its source names, e.g. russia-state: [РИА Новости]");
        return;
      }
      Map<String, String> seen = new TreeMap<>();
      blocs.forEach((bloc, sources) -> {
        for (String source : sources == null ? List.<String>of() : sources) {
          if (source == null || source.isBlank()) {
            at.at("blocs").add(bloc, "lists an empty source name");
            continue;
          }
          String before = seen.put(source.strip(), bloc);
          if (before != null && !before.equals(bloc)) {
            at.add("blocs", "source '" + source.strip() + "' is in both " + before + " and " + bloc);
          }
        }
      });
    }

    Map<String, String> bySource() {
      Map<String, String> map = new TreeMap<>();
      blocs.forEach((bloc, sources) -> sources.forEach(source -> map.put(source.strip(), bloc)));
      return map;
    }
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
