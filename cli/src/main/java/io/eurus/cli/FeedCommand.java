package io.eurus.cli;

import io.eurus.events.Article;
import io.eurus.events.FeedDefinition;
import io.eurus.events.Json;
import io.eurus.ingest.FeedList;
import io.eurus.ingest.IngestSettings;
import io.eurus.ingest.OpmlImport;
import io.eurus.ingest.fetch.EnvProxySelector;
import io.eurus.ingest.fetch.FeedFetcher;
import io.eurus.ingest.fetch.FetchResult;
import io.eurus.ingest.fetch.Sizes;
import io.eurus.ingest.fetch.Validators;
import io.eurus.ingest.parse.Articles;
import io.eurus.ingest.parse.FeedItemMapper;
import io.eurus.ingest.parse.FeedParser;
import io.eurus.ingest.parse.LanguageGuesser;
import io.eurus.ingest.parse.ParsedFeed;
import io.eurus.platform.StartupException;
import io.eurus.platform.config.Durations;
import io.eurus.platform.settings.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Tools for people who look after the feed list: parse, check, import. */
@Command(name = "feed", mixinStandardHelpOptions = true, description = "Look at feeds as ingest sees them, and import OPML.",
    subcommands = {FeedCommand.Parse.class, FeedCommand.Check.class, FeedCommand.ImportOpml.class})
final class FeedCommand {

  @ParentCommand
  Eurus eurus;

  /** The fetcher and settings a person's command uses: the same as the service's, from the same environment. */
  static FeedFetcher fetcher() {
    IngestSettings settings = new IngestSettings(SettingsLoader.load(IngestSettings.DEF, System.getenv(), Map.of()));
    return new FeedFetcher(settings.fetchOptions(), EnvProxySelector.fromEnvironment(System.getenv()));
  }

  /** A URL as is; anything else is a file. */
  static URI location(String input) {
    if (input.startsWith("http://") || input.startsWith("https://")) {
      return URI.create(input);
    }
    return Path.of(input).toAbsolutePath().toUri();
  }

  @Command(name = "parse", mixinStandardHelpOptions = true,
      description = {"Print each article of the feeds as one JSON line: the record ingest publishes to 'articles'.",
          "An input that cannot be read or parsed gets one line 'INPUT: error: REASON' on stderr; the exit code is 1 if any failed."})
  static final class Parse implements Callable<Integer> {

    @ParentCommand
    FeedCommand feed;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|URL", arity = "1..*", description = "Feed files or http(s) URLs.")
    List<String> inputs;

    @Option(names = "--bloc", paramLabel = "BLOC", description = "Source bloc to put on the articles (e.g. eu-media).")
    String bloc;

    @Option(names = "--language", paramLabel = "CODE", description = "Language hint (ISO 639-1) for text too short to detect.")
    String language;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      FeedFetcher fetcher = fetcher();
      LanguageGuesser languages = LanguageGuesser.shared();
      int failed = 0;
      for (String input : inputs) {
        try {
          FetchResult result = fetcher.fetch(location(input), Validators.NONE).join();
          if (!(result instanceof FetchResult.Fetched fetched)) {
            throw new FeedParser.FeedParseException(((FetchResult.Failed) result).reason());
          }
          ParsedFeed parsed = FeedParser.parse(fetched.body(), fetched.contentType());
          FeedDefinition definition = definition(input, parsed, bloc, language);
          Instant now = Clock.systemUTC().instant();
          for (var entry : parsed.entries()) {
            Article article = FeedItemMapper.toArticle(definition, entry, now);
            if (article != null) {
              article = Articles.withLanguage(article, languages.of(article, language));
              out.println(Json.mapper().writeValueAsString(article));
            }
          }
          out.flush();
        } catch (FeedParser.FeedParseException | RuntimeException e) {
          failed++;
          err.println(input + ": error: " + oneLine(e));
          if (feed.eurus.verbose) {
            e.printStackTrace(err);
          }
          err.flush();
        }
      }
      return failed == 0 ? 0 : 1;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Fetch and parse one feed as ingest would, and say how it went: status, items, newest item, what was repaired or why it failed.")
  static final class Check implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL|FILE", description = "A feed URL or file.")
    String input;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      long began = System.nanoTime();
      FetchResult result = fetcher().fetch(location(input), Validators.NONE).join();
      long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
      out.printf("feed:      %s%n", input);
      if (result instanceof FetchResult.Failed failed) {
        out.printf("status:    failed%nreason:    %s%n", failed.reason());
        out.flush();
        return 1;
      }
      FetchResult.Fetched fetched = (FetchResult.Fetched) result;
      if (input.startsWith("http")) {
        out.printf("http:      200 in %d ms, %s, Content-Type %s, ETag %s, Last-Modified %s%n", millis, Sizes.human(fetched.body().length),
            Objects.requireNonNullElse(fetched.contentType(), "none"), fetched.etag() == null ? "no" : "yes",
            fetched.lastModified() == null ? "no" : "yes");
        if (!fetched.finalUrl().toString().equals(input)) {
          out.printf("moved to:  %s%n", fetched.finalUrl());
        }
      }
      try {
        ParsedFeed parsed = FeedParser.parse(fetched.body(), fetched.contentType());
        out.printf("status:    %s%n", parsed.malformed() ? "ok, malformed (recovered)" : "ok");
        out.printf("format:    %s%n", parsed.feed().getFeedType());
        out.printf("title:     %s%n", FeedItemMapper.plainText(parsed.feed().getTitle()));
        out.printf("items:     %d%n", parsed.entries().size());
        parsed.entries().stream()
            .filter(e -> e.getPublishedDate() != null || e.getUpdatedDate() != null)
            .max(Comparator.comparing(e -> e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate()))
            .ifPresent(e -> out.printf("newest:    %s  %s%n",
                (e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate()).toInstant(), FeedItemMapper.plainText(e.getTitle())));
        if (parsed.malformed()) {
          out.printf("recovered: %s%n", parsed.recovered());
        }
        out.flush();
        return 0;
      } catch (FeedParser.FeedParseException e) {
        out.printf("status:    failed%nreason:    %s%n", e.getMessage());
        out.flush();
        return 1;
      }
    }
  }

  @Command(name = "import-opml", mixinStandardHelpOptions = true,
      description = {"Turn an OPML subscription list into a Eurus feed list (YAML) on stdout or --output.",
          "Each folder's name becomes the bloc of the feeds in it; --bloc is used outside folders. Review the blocs."})
  static final class ImportOpml implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "OPML file.")
    Path file;

    @Option(names = "--bloc", paramLabel = "BLOC", defaultValue = "unassigned",
        description = "Bloc of feeds outside any folder (default ${DEFAULT-VALUE}).")
    String bloc;

    @Option(names = "--language", paramLabel = "CODE", description = "Language hint for feeds whose outline has none.")
    String language;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "10m", description = "Poll interval, e.g. 10m (default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the YAML here instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
      Duration every = Durations.parse(interval);
      if (every == null || every.isNegative() || every.isZero()) {
        throw new StartupException("--interval '" + interval + "' is not " + Durations.SYNTAX);
      }
      OpmlImport.Result result = OpmlImport.read(file, bloc, language == null ? null : language.toLowerCase(Locale.ROOT), every);
      PrintWriter err = spec.commandLine().getErr();
      result.skipped().forEach(line -> err.println(file + ": skipped " + line));
      if (result.feeds().isEmpty()) {
        throw new StartupException(file + ": no feeds to import (no outline with an http(s) xmlUrl)");
      }
      String yaml = "# Imported from " + file.getFileName() + " by 'eurus feed import-opml'. Review the blocs.\n"
          + FeedList.toYaml(result.feeds());
      FeedList.parse(yaml, "the imported list"); // what we write must load: reports every problem with its feed id
      if (output == null) {
        spec.commandLine().getOut().print(yaml);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(output, yaml);
      }
      err.println(file + ": " + result.feeds().size() + " feeds imported" + (output == null ? "" : " to " + output));
      err.flush();
      return 0;
    }
  }

  static FeedDefinition definition(String input, ParsedFeed parsed, String bloc, String language) {
    URI uri = location(input);
    String base = uri.getScheme().startsWith("http") ? uri.getHost() + uri.getPath() : Path.of(uri).getFileName().toString();
    String id = base.toLowerCase(Locale.ROOT).replaceAll("\\.(xml|rss|atom)$", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    String title = FeedItemMapper.plainText(parsed.feed().getTitle());
    return new FeedDefinition(FeedDefinition.SCHEMA_VERSION, id.isEmpty() ? "feed" : id, uri.toString(), title.isEmpty() ? id : title,
        bloc, language, Duration.ofMinutes(10), false);
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
