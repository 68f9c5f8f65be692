package io.eurus.platform.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Reads settings declared in a {@link ConfigDef} from the environment, files and command-line overrides, and
 * validates all of them before anything starts.
 *
 * <p>Each setting {@code a.b.c} is read from the environment variable {@code EURUS_A_B_C}, or from the file that
 * {@code EURUS_A_B_C_FILE} names (e.g. a container secret); a few have a conventional alias (e.g.
 * {@code KAFKA_BOOTSTRAP_SERVERS}). Kafka's client settings are families declared as {@code kafka.*} and the like
 * ({@link PassThrough}): {@code EURUS_KAFKA_SECURITY_PROTOCOL} sets {@code kafka.security.protocol}. The command
 * line wins over both, but takes no secret: any user of the machine can read a command line.
 */
public final class SettingsLoader {

  private static final String ENV_PREFIX = "EURUS_";
  private static final String FILE_SUFFIX = "_FILE";

  /** What the operator typed: {@code --set NAME=VALUE}, never a secret, and {@code --set-file NAME=PATH}. */
  public record CommandLineValues(Map<String, String> values, Map<String, Path> files) {
    public static final CommandLineValues NONE = new CommandLineValues(Map.of(), Map.of());
  }

  private SettingsLoader() {
  }

  /** The environment variable that sets {@code name}. */
  public static String envName(String name) {
    return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Collects and validates the settings of {@code def}, with overrides from code (tests, tools, a command's own
   * options) that win over the environment.
   *
   * @return the raw values, ready for an {@code AbstractConfig} built on the same definition
   * @throws SettingsException naming every problem, one line each
   */
  public static Map<String, String> load(ConfigDef def, Map<String, String> env, Map<String, String> overrides) {
    return load(def, env, CommandLineValues.NONE, overrides);
  }

  /**
   * Collects and validates the settings of {@code def}: the environment, then the command line, then
   * {@code overrides}. A secret given by {@code --set} is refused, with the safe ways to give it.
   */
  public static Map<String, String> load(ConfigDef def, Map<String, String> env, CommandLineValues commandLine,
      Map<String, String> overrides) {
    List<String> problems = new ArrayList<>();
    Map<String, String> raw = new HashMap<>();
    readEnvironment(def, env, raw, problems);
    for (var value : commandLine.values().entrySet()) {
      if (!known(def, value.getKey())) {
        problems.add(value.getKey() + ": unknown setting");
      } else if (KafkaClientSettings.isSecret(def, value.getKey())) {
        problems.add(value.getKey() + ": a secret is not taken from the command line, where any user of this machine can read it "
            + "(ps); set " + envName(value.getKey()) + ", or name a file with " + envName(value.getKey()) + FILE_SUFFIX
            + " or --set-file " + value.getKey() + "=FILE");
      } else {
        raw.put(value.getKey(), value.getValue());
      }
    }
    for (var file : commandLine.files().entrySet()) {
      if (known(def, file.getKey())) {
        readFile(file.getValue(), "--set-file " + file.getKey(), raw, file.getKey(), problems);
      } else {
        problems.add(file.getKey() + ": unknown setting");
      }
    }
    for (var override : overrides.entrySet()) {
      if (known(def, override.getKey())) {
        raw.put(override.getKey(), override.getValue());
      } else {
        problems.add(override.getKey() + ": unknown setting");
      }
    }
    validate(def, raw, problems);
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return raw;
  }

  private static void readEnvironment(ConfigDef def, Map<String, String> env, Map<String, String> raw, List<String> problems) {
    Set<String> claimed = new HashSet<>();
    for (String name : def.names()) {
      if (family(def, name) != null) {
        continue;
      }
      String alias = CommonSettings.ENV_ALIASES.get(name);
      if (alias != null && env.containsKey(alias)) {
        raw.put(name, env.get(alias));
      }
      claimed.add(envName(name));
      if (env.containsKey(envName(name))) {
        raw.put(name, env.get(envName(name)));
      }
    }
    // EURUS_X_FILE, unless it is itself a setting (dashboard.token.file already means the token's file).
    for (String name : def.names()) {
      String fileVariable = envName(name) + FILE_SUFFIX;
      if (family(def, name) == null && !claimed.contains(fileVariable) && env.containsKey(fileVariable)) {
        claimed.add(fileVariable);
        fromFile(env, fileVariable, name, raw, problems);
      }
    }
    // Kafka's client settings are open-ended: each variable names its setting.
    List<String> files = new ArrayList<>();
    for (String variable : new TreeMap<>(env).keySet()) {
      if (!variable.startsWith(ENV_PREFIX) || claimed.contains(variable)) {
        continue;
      }
      String name = settingName(variable);
      if (passThroughOf(def, name) != null) {
        raw.put(name, env.get(variable));
      } else if (variable.endsWith(FILE_SUFFIX) && passThroughOf(def, settingName(stripFileSuffix(variable))) != null) {
        files.add(variable);
      } else if (name.startsWith(KafkaClientSettings.PREFIX) && !ofAnotherKindOfClient(def, name)) {
        problems.add(variable + ": unknown setting " + name + " (no such Kafka setting)");
      }
    }
    for (String variable : files) {
      fromFile(env, variable, settingName(stripFileSuffix(variable)), raw, problems);
    }
  }

  private static void fromFile(Map<String, String> env, String variable, String name, Map<String, String> raw, List<String> problems) {
    // An empty variable is no value: docker-compose.yml passes EURUS_ALERTS_WEBHOOK_URL through even when it is unset.
    if (raw.containsKey(name) && !raw.get(name).isEmpty()) {
      problems.add(variable + ": " + name + " is also set by " + envName(name) + "; set one of them");
    } else {
      readFile(Path.of(env.get(variable)), variable, raw, name, problems);
    }
  }

  private static void readFile(Path file, String source, Map<String, String> raw, String name, List<String> problems) {
    try {
      raw.put(name, Files.readString(file).strip());
    } catch (IOException | RuntimeException e) {
      problems.add(source + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void validate(ConfigDef def, Map<String, String> raw, List<String> problems) {
    Map<String, ConfigValue> checked = new TreeMap<>(def.validateAll(raw));
    for (ConfigValue value : checked.values()) {
      for (String message : value.errorMessages()) {
        problems.add(value.name() + " (" + envName(value.name()) + "): "
            + withoutSecret(def, value.name(), message, raw.get(value.name())));
      }
    }
    for (var entry : new TreeMap<>(raw).entrySet()) {
      PassThrough family = def.names().contains(entry.getKey()) ? null : passThroughOf(def, entry.getKey());
      if (family == null) {
        continue;
      }
      try {
        family.ensureValid(entry.getKey(), entry.getValue());
      } catch (ConfigException e) {
        problems.add(entry.getKey() + " (" + envName(entry.getKey()) + "): "
            + withoutSecret(def, entry.getKey(), e.getMessage(), entry.getValue()));
      }
    }
  }

  private static boolean known(ConfigDef def, String name) {
    return (def.names().contains(name) && family(def, name) == null) || passThroughOf(def, name) != null;
  }

  /** The family that {@code name} belongs to: the one with the longest prefix that accepts it. */
  private static PassThrough passThroughOf(ConfigDef def, String name) {
    PassThrough found = null;
    for (ConfigDef.ConfigKey key : def.configKeys().values()) {
      if (key.validator instanceof PassThrough family && family.accepts(name)
          && (found == null || family.prefix().length() > found.prefix().length())) {
        found = family;
      }
    }
    return found;
  }

  /** The family that the declared key {@code name} stands for (kafka.producer.*), or null for an ordinary setting. */
  private static PassThrough family(ConfigDef def, String name) {
    ConfigDef.ConfigKey key = def.configKeys().get(name);
    return key != null && key.validator instanceof PassThrough family && family.key().equals(name) ? family : null;
  }

  // The processor's kafka.streams.* in an environment shared with ingest (one compose block for all) is not ingest's concern.
  private static boolean ofAnotherKindOfClient(ConfigDef def, String name) {
    return KafkaClientSettings.KIND_PREFIXES.stream().anyMatch(prefix -> name.startsWith(prefix) && !def.names().contains(prefix + "*"));
  }

  private static String settingName(String variable) {
    return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static String stripFileSuffix(String variable) {
    return variable.substring(0, variable.length() - FILE_SUFFIX.length());
  }

  // Kafka's messages quote the offending value; a secret must not reach a log even when it is wrong.
  private static String withoutSecret(ConfigDef def, String name, String message, String value) {
    if (value != null && !value.isEmpty() && KafkaClientSettings.isSecret(def, name)) {
      return message.replace(value, "[hidden]");
    }
    return message;
  }
}
