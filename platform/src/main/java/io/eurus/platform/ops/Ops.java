package io.eurus.platform.ops;

import io.eurus.platform.Service;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What a process tells its operator: the metrics of all its services in one Prometheus registry, and
 * whether each service is healthy. Passed to services explicitly (no global registry).
 */
public final class Ops {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Service> services = new CopyOnWriteArrayList<>();

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void watch(Service service) {
    services.add(service);
  }

  /** Each watched service by name, true when healthy. */
  public Map<String, Boolean> health() {
    return services.stream().collect(Collectors.toMap(Service::name, Service::healthy, (a, b) -> a && b));
  }

  public boolean healthy() {
    return health().values().stream().allMatch(Boolean::booleanValue);
  }
}
