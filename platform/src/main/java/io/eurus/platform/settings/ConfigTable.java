package io.eurus.platform.settings;

import java.util.Comparator;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/** The configuration reference as a Markdown table, generated from the same definitions that validate. */
public final class ConfigTable {

  private ConfigTable() {
  }

  public static String markdown(ConfigDef def) {
    StringBuilder table = new StringBuilder()
        .append("| setting | environment variable | type | default | valid values | description |\n")
        .append("|---|---|---|---|---|---|\n");
    def.configKeys().values().stream()
        .sorted(Comparator.comparing((ConfigKey key) -> key.name))
        .forEach(key -> table.append("| `").append(key.name).append("` | `")
            .append(SettingsLoader.envName(key.name)).append("` | ")
            .append(key.validator instanceof PassThrough ? "Kafka's" : key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
            .append(defaultOf(key)).append(" | ")
            .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
            .append(cell(key.documentation)).append(" |\n"));
    return table.toString();
  }

  private static String defaultOf(ConfigKey key) {
    if (!key.hasDefault()) {
      return "required";
    }
    if (key.defaultValue == null) {
      return "";
    }
    if (key.type == ConfigDef.Type.PASSWORD) {
      return "none (secret)";
    }
    String shown = ConfigDef.convertToString(key.defaultValue, key.type);
    return shown == null || shown.isEmpty() ? "\"\"" : "`" + cell(shown) + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
