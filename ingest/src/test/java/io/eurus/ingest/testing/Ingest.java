package io.eurus.ingest.testing;

import io.eurus.events.FeedDefinition;
import io.eurus.ingest.IngestService;
import io.eurus.ingest.IngestSettings;
import io.eurus.platform.ops.Ops;
import io.eurus.platform.settings.SettingsLoader;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts real ingest instances against a broker, as the service command does. */
public final class Ingest {

  private Ingest() {
  }

  public static IngestService start(String bootstrap, String group, String userAgent, List<FeedDefinition> feeds, Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(Map.of(
        "kafka.bootstrap.servers", bootstrap, IngestSettings.GROUP_ID, group, IngestSettings.USER_AGENT, userAgent,
        IngestSettings.REQUEST_TIMEOUT_SECONDS, "5"));
    overrides.putAll(extra);
    IngestService service = new IngestService(new IngestSettings(SettingsLoader.load(IngestSettings.DEF, Map.of(), overrides)),
        feeds, new Ops(), Clock.systemUTC());
    service.start();
    return service;
  }

  public static IngestService start(String bootstrap, String group, String userAgent, List<FeedDefinition> feeds) {
    return start(bootstrap, group, userAgent, feeds, Map.of());
  }
}
