package io.eurus.processor;

import io.eurus.platform.StartupException;
import io.eurus.platform.kafka.KafkaConnection;
import io.eurus.platform.settings.CommonSettings;
import io.eurus.platform.settings.KafkaClientSettings;
import io.eurus.processor.series.SeriesSettings;
import io.eurus.processor.text.Languages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/** Settings of the processor service. */
public final class ProcessorSettings extends AbstractConfig {

  public static final String APPLICATION_ID = "processor.application.id";
  public static final String STATE_DIR = "processor.state.dir";
  public static final String STREAM_THREADS = "processor.stream.threads";
  public static final String PROFILE_FILE = "processor.profile.file";
  public static final String RULES_FILE = "processor.rules.file";
  public static final String RULES_RELOAD_SECONDS = "processor.rules.reload.seconds";
  public static final String RULES_ALLOW_EMPTY = "processor.rules.allow.empty";
  public static final String LEXICON_FILE = "processor.lexicon.file";
  public static final String LANGUAGES = "processor.languages";
  public static final String TONE_MODELS_DIR = "processor.tone.models.dir";
  public static final String TONE_CACHE_SIZE = "processor.tone.cache.size";
  public static final String TONE_EXPLAIN_SENTENCES = "processor.tone.explain.sentences";

  /** Kafka Streams settings that Eurus decides itself, and why. */
  private static final Map<String, String> STREAMS_OWNED = Map.of(
      StreamsConfig.APPLICATION_ID_CONFIG, "set processor.application.id",
      StreamsConfig.NUM_STREAM_THREADS_CONFIG, "set processor.stream.threads",
      StreamsConfig.STATE_DIR_CONFIG, "set processor.state.dir",
      StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "set by Eurus to exactly_once_v2: each article counts once, each alert is written once",
      StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, "set by Eurus: an unreadable record goes to articles.dlq with the reason",
      StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, "set by Eurus: an article that fails goes to articles.dlq with the reason");

  /** Part 1's settings (enrichment) and part 2's ({@link SeriesSettings}: windows and detectors). */
  public static final ConfigDef DEF = CommonSettings.merge(CommonSettings.define()
      .define(APPLICATION_ID, Type.STRING, "eurus-processor", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Kafka Streams application id: instances with the same id share the work; changelog topics are named after it.")
      .define(STREAM_THREADS, Type.INT, 0, Range.between(0, 64), Importance.MEDIUM,
          "Kafka Streams threads of this instance (num.stream.threads); 0: one per core this JVM may use (the tone "
              + "model keeps a thread's core busy). Each works on partitions of its own, so more threads in all instances "
              + "than partitions of 'articles' leave some idle.")
      .define(KafkaClientSettings.STREAMS_PREFIX + "*", Type.STRING, null,
          KafkaClientSettings.streams(StreamsConfig.configDef(), STREAMS_OWNED), Importance.LOW,
          "A Kafka Streams setting for the processor, e.g. kafka.streams.replication.factor=3 or kafka.streams.num.standby.replicas=1, "
              + "or one of its clients' under Streams' own prefixes (kafka.streams.main.consumer.max.poll.records); wins over "
              + "kafka.* and kafka.producer.*, kafka.consumer.*, kafka.admin.*.")
      .define(STATE_DIR, Type.STRING, "", Importance.MEDIUM,
          "Folder for the processor's local state stores (restored from Kafka when lost). Empty: eurus-streams in the system's temporary folder.")
      .define(PROFILE_FILE, Type.STRING, "", Importance.MEDIUM,
          "YAML watch profile: the two sides, their actors with aliases per language, and the relationship terms. "
              + "Empty: the bundled EU–Russia profile.")
      .define(RULES_FILE, Type.STRING, "", Importance.HIGH,
          "YAML file of the desk's rules (Lucene query syntax), reloaded when it changes. Empty: the bundled EU–Russia rules.")
      .define(RULES_RELOAD_SECONDS, Type.INT, 5, Range.between(0, 3600), Importance.LOW,
          "How often the rules file is checked for changes, in seconds; 0 reads it only at start.")
      .define(RULES_ALLOW_EMPTY, Type.BOOLEAN, false, Importance.LOW,
          "Whether a rules file with no usable rule is taken as meant: false refuses it at start and, on a reload, keeps "
              + "the previous rules in force and raises RULES_PROBLEM (as for a rules file that is gone or broken).")
      .define(LEXICON_FILE, Type.STRING, "", Importance.LOW,
          "YAML diplomatic lexicon for the relations tone (CAMEO classes, negators, modals). Empty: the bundled lexicon.")
      .define(TONE_MODELS_DIR, Type.STRING, "", Importance.LOW,
          "Folder of the relations-tone heads (head-<language>.json, written by eurus train-tone). Empty: the bundled "
              + "English and Russian heads. A language without a head gets its tone from the lexicon.")
      .define(TONE_CACHE_SIZE, Type.INT, 100_000, Range.between(0, 10_000_000), Importance.LOW,
          "Sentences whose tone is kept per language, so a sentence seen again (a syndicated copy) is not encoded "
              + "again; 0 keeps none. About 200 bytes each.")
      .define(TONE_EXPLAIN_SENTENCES, Type.INT, 1, Range.between(0, 20), Importance.LOW,
          "Sentences of an article explained word by word (those that moved its tone most); each costs at most "
              + (io.eurus.processor.tone.Occlusion.TRIED + 1) + " encodings (its " + io.eurus.processor.tone.Occlusion.TRIED
              + " words guessed to matter most left out, and one to guess).")
      .define(LANGUAGES, Type.LIST, List.of("en:english", "ru:russian"), new LanguagesValidator(), Importance.LOW,
          "Languages analysed, as code:stemmer with Lucene's Snowball stemmer names (e.g. add de:german); other "
              + "languages are read unstemmed against the rules for every language."), SeriesSettings.DEF);

  /** Each entry must name a Snowball stemmer that Lucene ships. */
  private static final class LanguagesValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        Languages.parse(((List<?>) value).stream().map(String::valueOf).toList());
      } catch (StartupException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "code:stemmer, …";
    }
  }

  public ProcessorSettings(Map<String, ?> values) {
    super(DEF, values, false);
  }

  /** Where Kafka is and the operator's client settings for it. */
  public KafkaConnection kafka() {
    return KafkaConnection.of(this);
  }

  public int topicPartitions() {
    return getInt(CommonSettings.TOPIC_PARTITIONS);
  }

  /** The stream threads to run: as set, or one per core this JVM may use when set to 0. */
  public int streamThreads() {
    int threads = getInt(STREAM_THREADS);
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  public String applicationId() {
    return getString(APPLICATION_ID);
  }

  public String stateDir() {
    String configured = getString(STATE_DIR);
    return configured.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "eurus-streams").toString() : configured;
  }

  /** Where the enricher's profile, rules, lexicon and languages come from. */
  public EnricherSources enricherSources() {
    return new EnricherSources(path(PROFILE_FILE), path(RULES_FILE), path(LEXICON_FILE), getList(LANGUAGES),
        Duration.ofSeconds(getInt(RULES_RELOAD_SECONDS)), path(TONE_MODELS_DIR),
        new EnricherSources.ToneSettings(true, getInt(TONE_CACHE_SIZE), getInt(TONE_EXPLAIN_SENTENCES)),
        getBoolean(RULES_ALLOW_EMPTY));
  }

  /** Everything the topology is made from: the enricher's sources and the detectors file. */
  public ProcessorSources processorSources() {
    return new ProcessorSources(enricherSources(), SeriesSettings.detectorsFile(this));
  }

  private Path path(String name) {
    String value = getString(name);
    return value.isBlank() ? null : Path.of(value);
  }
}
