package io.eurus.alerts.routing;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.eurus.events.AlertType;
import io.eurus.events.Severity;
import io.eurus.platform.config.ConfigFile;
import io.eurus.platform.config.Problems;
import io.eurus.platform.config.Validated;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The routing file as an operator writes it ({@code alerts/routing.example.yaml}): the channels by name, and the
 * routes. {@link #routing} makes the {@link Routing} of it with the secrets it names, every problem reported with
 * the file's own.
 */
record RoutingFile(LinkedHashMap<String, ChannelBlock> channels, List<RouteKeys> routes) implements Validated {

  static final ConfigFile<RoutingFile> FILE = ConfigFile.of("routing file", RoutingFile.class).namedBy("alerts.routing.file");

  /** A channel's name also names its Kafka consumer groups. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

  /** A route as written; a single value counts as a list of one. */
  record RouteKeys(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<AlertType> types,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Severity> severities, Severity minSeverity,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> to) {

    Route route() {
      return new Route(present(types), present(severities), minSeverity, to);
    }

    private static <E> Set<E> present(List<E> values) {
      return values == null ? Set.of() : values.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
  }

  @Override
  public void validate(Problems at) {
    if (channels == null || channels.isEmpty()) {
      at.add("channels", "at least one channel is required, each a block with a type");
    } else {
      channels.forEach((name, block) -> {
        Problems here = at.at("channels").at(name);
        if (!NAME.matcher(name).matches()) {
          here.add("a channel name is letters, digits, - and _ (it names Kafka consumer groups)");
        }
        if (block == null && here.isEmpty()) {
          here.add("must be a block of options with a type");
        }
      });
    }
    if (routes == null || routes.isEmpty()) {
      at.add("routes", "at least one route is required, such as {types: [RULE_MATCH], to: [my-channel]}");
      return;
    }
    Set<String> routed = new HashSet<>();
    for (int i = 0; i < routes.size(); i++) {
      RouteKeys route = routes.get(i);
      Problems here = at.at("routes").item(i);
      if (route == null || route.to() == null || route.to().isEmpty()) {
        here.add("to", "is required: the channels this route sends to");
        continue;
      }
      route.to().stream().filter(name -> channels == null || !channels.containsKey(name))
          .forEach(name -> here.add("to", "no channel is named '" + name + "'"));
      routed.addAll(route.to());
    }
    if (channels != null) {
      channels.keySet().stream().filter(name -> !routed.contains(name))
          .forEach(name -> at.at("channels").add(name, "no route sends to it"));
    }
  }

  /** The routing this file describes, with the secrets read from {@code env}; null when the file has problems. */
  Routing routing(Map<String, String> env, Routing.Defaults defaults, Problems at) {
    List<ChannelPlan> plans = new ArrayList<>();
    if (channels != null) {
      channels.forEach((name, block) -> {
        if (block != null) {
          plans.add(block.plan(name, env, defaults, at.at("channels").at(name)));
        }
      });
    }
    return at.isEmpty() ? new Routing(plans, routes.stream().map(RouteKeys::route).toList()) : null;
  }
}
