package io.eurus.platform.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * Reads settings declared in a {@link ConfigDef} from the environment and from command-line overrides,
 * and validates all of them before anything starts.
 *
 * <p>Each setting {@code a.b.c} is read from the environment variable {@code EURUS_A_B_C}; a few have a
 * conventional alias (e.g. {@code KAFKA_BOOTSTRAP_SERVERS}). Command-line overrides win over both.
 */
public final class SettingsLoader {

  private SettingsLoader() {
  }

  /** The environment variable that sets {@code name}. */
  public static String envName(String name) {
    return "EURUS_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Collects and validates the settings of {@code def}.
   *
   * @return the raw values, ready for an {@code AbstractConfig} built on the same definition
   * @throws SettingsException naming every problem, one line each
   */
  public static Map<String, String> load(ConfigDef def, Map<String, String> env, Map<String, String> overrides) {
    List<String> problems = new ArrayList<>();
    Map<String, String> raw = new HashMap<>();
    for (String name : def.names()) {
      String alias = CommonSettings.ENV_ALIASES.get(name);
      if (alias != null && env.containsKey(alias)) {
        raw.put(name, env.get(alias));
      }
      if (env.containsKey(envName(name))) {
        raw.put(name, env.get(envName(name)));
      }
    }
    for (var override : overrides.entrySet()) {
      if (def.names().contains(override.getKey())) {
        raw.put(override.getKey(), override.getValue());
      } else {
        problems.add(override.getKey() + ": unknown setting");
      }
    }
    Map<String, ConfigValue> checked = new TreeMap<>(def.validateAll(raw));
    for (ConfigValue value : checked.values()) {
      for (String message : value.errorMessages()) {
        problems.add(value.name() + " (" + envName(value.name()) + "): " + withoutSecret(message, value));
      }
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return raw;
  }

  // Kafka's messages quote the offending value; a secret must not reach a log even when it is wrong.
  private static String withoutSecret(String message, ConfigValue value) {
    if (value.value() instanceof Password password && password.value() != null && !password.value().isEmpty()) {
      return message.replace(password.value(), "[hidden]");
    }
    return message;
  }
}
