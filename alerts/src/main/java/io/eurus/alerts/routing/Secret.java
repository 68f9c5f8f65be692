package io.eurus.alerts.routing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.eurus.platform.config.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A secret option of the routing file (a webhook URL, a signing secret, a password) as written: {@code {env: NAME}}
 * reads an environment variable, {@code {file: PATH}} a file (trailing newline removed, as written by {@code echo}
 * or a container's secret mount). Never the secret itself: a value written in its place is a problem, and is
 * neither kept nor shown.
 *
 * @param written whether a value was written in place of {@code {env: NAME}} or {@code {file: PATH}}
 */
@JsonDeserialize(using = Secret.Reader.class)
record Secret(String env, String file, boolean written) {

  /** The form the file gives a secret in. */
  private record Source(String env, String file) {
  }

  /** The secret {@code secret} names, or null with the problem added at {@code at} (a missing one is a problem if required). */
  static String read(Secret secret, boolean required, Map<String, String> environment, Problems at) {
    if (secret == null) {
      if (required) {
        at.add("is required, as {env: NAME} or {file: PATH}");
      }
      return null;
    }
    return secret.read(environment, at);
  }

  private String read(Map<String, String> environment, Problems at) {
    if (written) {
      at.add("is a secret: give it as {env: NAME} or {file: PATH}, never written in the routing file");
      return null;
    }
    if ((env == null) == (file == null)) {
      at.add("must name exactly one of env or file");
      return null;
    }
    if (env != null) {
      String secret = environment.get(env);
      if (secret == null || secret.isBlank()) {
        at.add("environment variable " + env + " is not set");
        return null;
      }
      return secret.strip();
    }
    try {
      String secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        at.add("file " + file + " is empty");
        return null;
      }
      return secret;
    } catch (IOException e) {
      at.add("cannot read file " + file + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  /** Reads {@code {env: NAME}} or {@code {file: PATH}}; anything else only as the fact that a value was written there. */
  static final class Reader extends StdDeserializer<Secret> {

    Reader() {
      super(Secret.class);
    }

    @Override
    public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.START_OBJECT) {
        Source source = ctxt.readValue(p, Source.class);
        return new Secret(source.env(), source.file(), false);
      }
      p.skipChildren(); // not read: it may be the secret itself
      return new Secret(null, null, true);
    }
  }
}
