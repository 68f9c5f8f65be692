package io.eurus.platform.settings;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigException;

/**
 * A family of settings handed to Kafka's clients as they are, such as {@code kafka.producer.NAME}. It is declared
 * in a {@link ConfigDef} as one key named after its prefix with a trailing {@code *}, so the configuration
 * reference lists it, and each member is checked against the clients' own definitions (name, type, valid values)
 * at start-up like any other setting.
 */
public final class PassThrough implements ConfigDef.Validator {

  /**
   * Client settings found under {@code prefix} inside the family (e.g. {@code producer.} inside Kafka Streams'
   * settings), as {@code defs} define them; no defs: any name is taken unchecked (Kafka Streams' {@code topic.}).
   */
  public record Scope(String prefix, List<ConfigDef> defs) {
  }

  private final String prefix;
  private final List<Scope> scopes;
  private final Map<String, String> owned;
  private final String description;

  /**
   * @param prefix      the family's prefix, e.g. {@code kafka.producer.}
   * @param scopes      where a member's name is looked up; the longest matching prefix wins
   * @param owned       client settings that Eurus decides itself, each with the reason given to whoever sets one
   * @param description what the reference shows as the valid values
   */
  public PassThrough(String prefix, List<Scope> scopes, Map<String, String> owned, String description) {
    this.prefix = prefix;
    this.scopes = scopes.stream().sorted(Comparator.comparing((Scope scope) -> scope.prefix().length()).reversed()).toList();
    this.owned = Map.copyOf(owned);
    this.description = description;
  }

  /** The key that declares the family, e.g. {@code kafka.producer.*}. */
  public String key() {
    return prefix + "*";
  }

  public String prefix() {
    return prefix;
  }

  /** Whether {@code name} is a member: a client setting these clients know, or one that Eurus sets itself. */
  public boolean accepts(String name) {
    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
      return false;
    }
    String property = name.substring(prefix.length());
    Scope scope = scopeOf(property);
    if (scope == null) {
      return false;
    }
    String inScope = property.substring(scope.prefix().length());
    boolean anyName = scope.defs().isEmpty() && !inScope.isEmpty();
    return owned.containsKey(inScope) || anyName || !keys(scope, inScope).isEmpty();
  }

  /** The client setting a member stands for, as the clients take it: {@code linger.ms} for {@code kafka.producer.linger.ms}. */
  public String clientProperty(String name) {
    return name.substring(prefix.length());
  }

  @Override
  public void ensureValid(String name, Object value) {
    if (value == null || name.equals(key())) {
      return; // the family's own key in the definition, which never has a value
    }
    String property = clientProperty(name);
    Scope scope = Objects.requireNonNull(scopeOf(property), name);
    String inScope = property.substring(scope.prefix().length());
    String reason = owned.get(inScope);
    if (reason != null) {
      throw new ConfigException(reason);
    }
    // Messages never quote the value: it may be a secret.
    for (ConfigKey key : keys(scope, inScope)) {
      Object parsed;
      try {
        parsed = ConfigDef.parseType(inScope, value, key.type);
      } catch (ConfigException e) {
        throw new ConfigException("expected a value of type " + key.type.name().toLowerCase(Locale.ROOT) + " (as " + inScope + ")");
      }
      if (key.validator != null) {
        try {
          key.validator.ensureValid(inScope, parsed);
        } catch (ConfigException e) {
          throw new ConfigException("not a valid " + inScope + ": valid values are " + key.validator);
        }
      }
    }
  }

  private Scope scopeOf(String property) {
    return scopes.stream().filter(scope -> property.startsWith(scope.prefix())).findFirst().orElse(null);
  }

  private static List<ConfigKey> keys(Scope scope, String property) {
    return scope.defs().stream().map(def -> def.configKeys().get(property)).filter(Objects::nonNull).toList();
  }

  @Override
  public String toString() {
    return description;
  }
}
