package io.eurus.platform.config;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one way Eurus reads a YAML configuration file (feeds, rules, watch profile, lexicon, detectors, routing): Jackson
 * binds it to a record, and every problem — a value of the wrong kind, an unknown key (a misspelt threshold must
 * not fall back to its default in silence), what the record's own {@link Validated#validate} finds — is reported
 * at once, each with its path. Durations are read one way everywhere ({@link Durations}), and so are times of day
 * ({@code 07:30}) and time zones ({@code Europe/Brussels}). A mapping whose {@code @JsonTypeInfo} property names its
 * type (a channel's {@code type: slack}) binds to that type's record. Records mark an
 * optional value by a boxed or nullable component and apply its default in their compact constructor, so a
 * value that could not be read falls back to the default while the problem is reported.
 *
 * @param <T> the record the file binds to
 */
public final class ConfigFile<T> {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .addModule(new SimpleModule("eurus-values")
          .addDeserializer(Duration.class, new TextReader<>(Duration.class, Durations::parse))
          .addDeserializer(LocalTime.class, new TextReader<>(LocalTime.class, ConfigFile::timeOfDay))
          .addDeserializer(ZoneId.class, new TextReader<>(ZoneId.class, ConfigFile::zone)))
      .build();

  private final String kind;
  private final Class<?> type;
  private final String setting;
  private final ListNames listNames;
  /** Makes what the reader returns of the record the file bound to. */
  private final BiFunction<Object, Problems, T> make;

  private ConfigFile(String kind, Class<?> type, String setting, ListNames listNames, BiFunction<Object, Problems, T> make) {
    this.kind = kind;
    this.type = type;
    this.setting = setting;
    this.listNames = listNames;
    this.make = make;
  }

  /**
   * A reader of one kind of file.
   *
   * @param kind what the file is, for messages: {@code "detectors file"}, {@code "feed list"}
   */
  public static <T> ConfigFile<T> of(String kind, Class<T> type) {
    return new ConfigFile<>(kind, type, null, null, (value, problems) -> type.cast(value));
  }

  /** The setting that names the file, shown when the file is missing: {@code (alerts.routing.file)}. */
  public ConfigFile<T> namedBy(String setting) {
    return new ConfigFile<>(kind, type, setting, listNames, make);
  }

  /**
   * Names the items of a top-level list by one of their fields in messages: with {@code ("feeds", "id", "feed")},
   * a problem at {@code feeds[2].url} reads {@code feed tass-en: url: …}.
   */
  public ConfigFile<T> namingItems(String list, String field, String noun) {
    return new ConfigFile<>(kind, type, setting, new ListNames(list, field, noun), make);
  }

  /**
   * A reader that makes {@code R} of the checked record, and reports what {@code then} finds on the way (a secret
   * that is not set, a language that is not configured) with the file's other problems. {@code then} runs even when
   * the file has problems, so that every problem comes at once: it must cope with values that could not be read
   * (null), and what it returns is dropped when there is a problem.
   */
  public <R> ConfigFile<R> making(BiFunction<? super T, Problems, R> then) {
    BiFunction<Object, Problems, T> first = make;
    return new ConfigFile<>(kind, type, setting, listNames, (value, problems) -> then.apply(first.apply(value, problems), problems));
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws StartupException naming the file and why it cannot be read, or a {@link SettingsException} with every
   *     problem in it, one line each
   */
  public T read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new StartupException(kind + " " + file + " does not exist" + (setting == null ? "" : " (" + setting + ")"), e);
    } catch (AccessDeniedException e) {
      throw new StartupException(kind + " " + file + " cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new StartupException(kind + " " + file + " cannot be read: " + reason(e), e);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
  }

  /** Reads and checks a file bundled on the class path; a problem in it is a bug, reported as one. */
  public T readBundled(String resource) {
    try (InputStream in = ConfigFile.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + kind + " " + resource + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + resource);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled " + kind + " " + resource + " is unreadable", e);
    }
  }

  /**
   * Reads and checks YAML text.
   *
   * @param source names the text in messages: a file path, or {@code bundled …}
   */
  public T parse(String yaml, String source) {
    JsonNode tree = tree(yaml, source);
    typeFirst(tree, typeKeys(type, new HashSet<>(), new LinkedHashSet<>()));
    Problems problems = Problems.root();
    ProblemCollector collector = new ProblemCollector(problems, tree, listNames);
    Object value;
    try {
      value = YAML.readerFor(type).withHandler(collector).readValue(YAML.treeAsTokens(tree.isMissingNode() || tree.isNull()
          ? YAML.createObjectNode() : tree));
    } catch (IOException e) {
      // What the collector could not absorb (a mapping where a list belongs at the top, a record that cannot be made).
      problems.add(collector.pathOf(e) + reason(e));
      throw failure(source, problems);
    }
    if (value instanceof Validated validated) {
      validated.validate(problems);
    }
    T made = make.apply(value, problems);
    if (!problems.isEmpty()) {
      throw failure(source, problems);
    }
    return made;
  }

  private JsonNode tree(String yaml, String source) {
    try {
      JsonNode tree = YAML.readTree(yaml);
      return tree == null ? YAML.missingNode() : tree;
    } catch (JsonProcessingException e) {
      // SnakeYAML knows where the problem is and what it is; Jackson's own location is where the broken part began.
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        String context = marked.getContext() == null ? "" : " (" + firstLine(marked.getContext()) + ")";
        throw new StartupException(kind + " " + source + " is not valid YAML at line " + (marked.getProblemMark().getLine() + 1)
            + ", column " + (marked.getProblemMark().getColumn() + 1) + ": " + firstLine(marked.getProblem()) + context, e);
      }
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new StartupException(kind + " " + source + " is not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()), e);
    }
  }

  /**
   * Moves the key that names a mapping's type ({@code type: slack}) to the front, where Jackson reads it at once:
   * the keys before it would be buffered, and a problem in one of them would lose its path.
   */
  private static void typeFirst(JsonNode node, Set<String> typeKeys) {
    if (node instanceof ObjectNode mapping && typeKeys.stream().anyMatch(key -> mapping.path(key).isTextual())) {
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      typeKeys.stream().filter(key -> mapping.path(key).isTextual()).forEach(key -> fields.put(key, mapping.get(key)));
      mapping.properties().forEach(field -> fields.putIfAbsent(field.getKey(), field.getValue()));
      mapping.removeAll().setAll(fields);
    }
    node.forEach(child -> typeFirst(child, typeKeys));
  }

  /** The keys that name a mapping's type ({@code @JsonTypeInfo}) anywhere in what {@code type} binds to. */
  private static Set<String> typeKeys(Type type, Set<Type> seen, Set<String> keys) {
    if (!seen.add(type)) {
      return keys;
    }
    if (type instanceof ParameterizedType generic) {
      for (Type argument : generic.getActualTypeArguments()) {
        typeKeys(argument, seen, keys);
      }
    } else if (type instanceof Class<?> plain) {
      JsonTypeInfo typed = plain.getAnnotation(JsonTypeInfo.class);
      if (typed != null) {
        keys.add(typeProperty(typed));
      }
      JsonSubTypes subtypes = plain.getAnnotation(JsonSubTypes.class);
      for (JsonSubTypes.Type subtype : subtypes == null ? new JsonSubTypes.Type[0] : subtypes.value()) {
        typeKeys(subtype.value(), seen, keys);
      }
      for (RecordComponent component : plain.isRecord() ? plain.getRecordComponents() : new RecordComponent[0]) {
        typeKeys(component.getGenericType(), seen, keys);
      }
    }
    return keys;
  }

  private static String typeProperty(JsonTypeInfo typed) {
    return typed.property().isEmpty() ? typed.use().getDefaultPropertyName() : typed.property();
  }

  private SettingsException failure(String source, Problems problems) {
    List<String> lines = problems.list().stream().map(problem -> source + ": " + problem).toList();
    return new SettingsException(kind + " " + source + " has " + lines.size() + (lines.size() == 1 ? " problem" : " problems"),
        lines);
  }

  private static String reason(Exception e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return firstLine(message == null ? e.getClass().getSimpleName() : message);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  /** How items of a top-level list are named for people. */
  private record ListNames(String list, String field, String noun) {
  }

  /** Turns what Jackson cannot read into problems with paths, and reads on with the value left unset. */
  private static final class ProblemCollector extends DeserializationProblemHandler {

    private final Problems problems;
    private final JsonNode tree;
    private final ListNames listNames;

    ProblemCollector(Problems problems, JsonNode tree, ListNames listNames) {
      this.problems = problems;
      this.tree = tree;
      this.listNames = listNames;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      Collection<Object> known = deserializer.getKnownPropertyNames();
      String knownKeys = known == null || known.isEmpty() ? ""
          : " (known: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
      at(holderPath(ctxt, p, propertyName)).add("unknown key '" + propertyName + "'" + knownKeys);
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
      problemHere(ctxt, "'" + value + "' " + notA(targetType));
      return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
      problemHere(ctxt, value + " " + notA(targetType));
      return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token, JsonParser p,
        String failureMsg) throws IOException {
      problemHere(ctxt, "must be " + kindOf(targetType.getRawClass(), targetType) + " (was " + shown(token, p) + ")");
      p.skipChildren();
      return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsta,
        JsonParser p, String msg) throws IOException {
      // A text where a list belongs, for one.
      problemHere(ctxt, "must be " + kindOf(instClass, ctxt.constructType(instClass)) + " (was " + shown(p.currentToken(), p) + ")");
      p.skipChildren();
      return null;
    }

    @Override
    public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
        TypeIdResolver idResolver, String failureMsg) {
      JsonClassDescription described = baseType.getRawClass().getAnnotation(JsonClassDescription.class);
      String noun = described == null ? "a known " : "a " + described.value() + " ";
      problemHere(ctxt, "'" + subTypeId + "' is not " + noun + typeProperty(baseType) + " (one of " + knownIds(idResolver) + ")");
      return ctxt.constructType(Void.class); // the value is left unset, its other keys unread
    }

    @Override
    public JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType, TypeIdResolver idResolver,
        String failureMsg) {
      JsonParser p = ctxt.getParser();
      String property = typeProperty(baseType);
      if (p.currentToken() == JsonToken.END_OBJECT) {
        String holder = valuePath(p);
        at(holder.isEmpty() ? property : holder + "." + property).add("is required: one of " + knownIds(idResolver));
      } else {
        // Not echoed: a value written where a mapping belongs may be a secret.
        problemHere(ctxt, "must be a mapping of keys to values with a " + property + " (one of " + knownIds(idResolver) + ")");
      }
      return ctxt.constructType(Void.class);
    }

    private static String typeProperty(JavaType baseType) {
      JsonTypeInfo typed = baseType.getRawClass().getAnnotation(JsonTypeInfo.class);
      return typed == null ? "type" : ConfigFile.typeProperty(typed);
    }

    /** The type ids a polymorphic value takes, {@code email, slack, teams}. */
    private static String knownIds(TypeIdResolver idResolver) {
      String known = idResolver.getDescForKnownTypeIds();
      return known == null ? "" : known.replaceAll("^\\[|\\]$", "");
    }

    private void problemHere(DeserializationContext ctxt, String message) {
      at(valuePath(ctxt.getParser())).add(message);
    }

    /** The path of the mapping that holds the unknown key {@code name}. */
    private static String holderPath(DeserializationContext ctxt, JsonParser p, String name) {
      JsonParser live = ctxt.getParser();
      if (p != live && live.currentToken() == JsonToken.END_OBJECT) {
        // A record's unknown keys are read back from a buffer once its mapping ended, where the file's parser stands;
        // the buffer's own path is unreliable when the value is a list or a mapping.
        return valuePath(live);
      }
      String key = valuePath(p);
      return key.endsWith("." + name) ? key.substring(0, key.length() - name.length() - 1) : key.equals(name) ? "" : key;
    }

    /** The path of the value the parser is at. */
    private static String valuePath(JsonParser parser) {
      JsonStreamContext context = parser.getParsingContext();
      // At the start of a list or mapping the parser already stands inside it: the value's path is its parent's.
      if (parser.currentToken() == JsonToken.START_ARRAY || parser.currentToken() == JsonToken.START_OBJECT) {
        context = context.getParent();
      }
      return path(context);
    }

    /** The path of the exception's place in the file, with a separator, or nothing at the root. */
    String pathOf(IOException e) {
      if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mapping.getPath()) {
          if (ref.getFieldName() != null) {
            path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
          } else if (ref.getIndex() >= 0) {
            path.append('[').append(ref.getIndex()).append(']');
          }
        }
        return path.length() == 0 ? "" : named(path.toString()) + ": ";
      }
      return "";
    }

    private Problems at(String path) {
      return path.isEmpty() ? problems : problems.named(named(path));
    }

    /** {@code feeds[2].url} → {@code feed tass-en: url} where list items are named. */
    private String named(String path) {
      if (listNames == null || !path.startsWith(listNames.list() + "[")) {
        return path;
      }
      int close = path.indexOf(']');
      int index = Integer.parseInt(path.substring(listNames.list().length() + 1, close));
      JsonNode id = tree.path(listNames.list()).path(index).path(listNames.field());
      String name = listNames.noun() + " " + (id.isTextual() && !id.asText().isBlank() ? id.asText().strip() : "#" + (index + 1));
      String rest = path.substring(close + 1);
      return rest.isEmpty() ? name : name + ": " + rest.substring(rest.startsWith(".") ? 1 : 0);
    }

    /** The dotted path of the value the parser is at: {@code toneShift.cusum.h}, {@code routes[0].to}. */
    private static String path(JsonStreamContext context) {
      Deque<String> parts = new ArrayDeque<>();
      for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
        if (c.inObject() && c.getCurrentName() != null) {
          parts.addFirst("." + c.getCurrentName());
        } else if (c.inArray()) {
          parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
        }
      }
      String path = String.join("", parts);
      return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String notA(Class<?> type) {
      if (type.isEnum()) {
        return "is not one of " + Arrays.stream(type.getEnumConstants()).map(ConfigFile::enumName)
            .collect(Collectors.joining(", "));
      }
      return "is not " + kindOf(type, null);
    }

    private static String kindOf(Class<?> type, JavaType full) {
      if (type == Duration.class) {
        return Durations.SYNTAX;
      }
      if (type == LocalTime.class) {
        return "a time of day such as 07:30";
      }
      if (type == ZoneId.class) {
        return "a time zone such as Europe/Brussels";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "true or false";
      }
      if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
        return "a whole number";
      }
      if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
        return "a number";
      }
      if (type == String.class) {
        return "a text";
      }
      if (type.isEnum()) {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(ConfigFile::enumName).collect(Collectors.joining(", "));
      }
      if (full != null && (full.isCollectionLikeType() || full.isArrayType())) {
        return "a list such as [a, b]";
      }
      return "a mapping of keys to values";
    }

    private static String shown(JsonToken token, JsonParser p) throws IOException {
      return switch (token) {
        case START_ARRAY -> "a list";
        case START_OBJECT -> "a mapping";
        case VALUE_STRING -> "'" + p.getText() + "'";
        case VALUE_NULL -> "empty";
        default -> p.getText();
      };
    }
  }

  /** How an enum constant is written in a file: its {@code @JsonProperty} name, else its name in lower case (any case reads). */
  static String enumName(Object constant) {
    Enum<?> value = (Enum<?>) constant;
    try {
      com.fasterxml.jackson.annotation.JsonProperty named = value.getDeclaringClass().getField(value.name())
          .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
      if (named != null && !named.value().isEmpty()) {
        return named.value();
      }
    } catch (NoSuchFieldException e) {
      // an enum constant is always a field; fall through
    }
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static LocalTime timeOfDay(String text) {
    try {
      return LocalTime.parse(text.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Reads a value written as text, such as a duration; what {@code parse} cannot read (null) is a problem at its path. */
  private static final class TextReader<V> extends StdScalarDeserializer<V> {

    private final Class<V> type;
    private final Function<String, V> parse;

    TextReader(Class<V> type, Function<String, V> parse) {
      super(type);
      this.type = type;
      this.parse = parse;
    }

    @Override
    public V deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isScalarValue()) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      V parsed = parse.apply(p.getValueAsString());
      return parsed != null ? parsed : type.cast(ctxt.handleWeirdStringValue(type, p.getText(), "not readable"));
    }
  }
}
