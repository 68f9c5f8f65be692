package io.eurus.alerts;

import io.eurus.alerts.dashboard.Dashboard;
import io.eurus.alerts.dashboard.DashboardAccess;
import io.eurus.alerts.delivery.DeadLetters;
import io.eurus.alerts.delivery.HeldLane;
import io.eurus.alerts.delivery.ImmediateLane;
import io.eurus.alerts.delivery.Lane;
import io.eurus.alerts.delivery.Receipts;
import io.eurus.alerts.desk.Acknowledgements;
import io.eurus.alerts.desk.Desk;
import io.eurus.alerts.desk.DeskFeed;
import io.eurus.alerts.desk.Mutes;
import io.eurus.alerts.desk.Muting;
import io.eurus.alerts.routing.ChannelPlan;
import io.eurus.alerts.routing.Routing;
import io.eurus.platform.Service;
import io.eurus.platform.kafka.EventProducer;
import io.eurus.platform.kafka.KafkaClients;
import io.eurus.platform.ops.Ops;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code alerts} and delivers each alert to the channels its routing names, and serves the desk
 * dashboard. Each channel has its own consumer group and thread (its {@link Lane}s), so a channel that is
 * down delays only itself; the dashboard rebuilds its view from Kafka on every start.
 */
public final class AlertsService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);
  private static final int DESK_CAPACITY = 2_000;
  private static final java.time.Duration MUTES_LOAD = java.time.Duration.ofSeconds(30);

  private final AlertsSettings settings;
  private final Routing routing;
  private final Ops ops;
  private final Clock clock;
  private final Desk desk;
  private final Mutes mutes = new Mutes();
  private final DashboardAccess access;
  private final List<Lane> lanes = new ArrayList<>();
  private EventProducer producer;
  private DeskFeed deskFeed;
  private Dashboard dashboard;

  /**
   * Checks what the operator configured (the routing, every problem at once; the dashboard's token) without
   * connecting to anything, so a command can report it before it waits for Kafka.
   */
  public static void check(AlertsSettings settings) {
    settings.routing(System.getenv());
    DashboardAccess.forBinding(settings.dashboardHost(), settings.dashboardToken());
  }

  public AlertsService(AlertsSettings settings, Ops ops, Clock clock) {
    this(settings, settings.routing(System.getenv()), ops, clock);
  }

  public AlertsService(AlertsSettings settings, Routing routing, Ops ops, Clock clock) {
    this.settings = settings;
    this.routing = routing;
    this.ops = ops;
    this.clock = clock;
    this.desk = new Desk(DESK_CAPACITY, settings.dashboardHistory(), mutes, clock);
    this.access = DashboardAccess.forBinding(settings.dashboardHost(), settings.dashboardToken());
  }

  @Override
  public String name() {
    return "alerts";
  }

  /** The dashboard's actual port (useful when configured as 0). */
  public int dashboardPort() {
    return dashboard.port();
  }

  @Override
  public void start() {
    producer = new EventProducer(KafkaClients.producerConfig(settings.kafka(), "eurus-alerts"));
    dashboard = new Dashboard(settings.dashboardHost(), settings.dashboardPort(), access, desk,
        new Acknowledgements(desk, producer, clock), new Muting(desk, producer, clock), clock);
    dashboard.start();
    // Every mute before any lane delivers: a restarted service must not send what the desk muted.
    mutes.load(settings.kafka(), MUTES_LOAD);
    deskFeed = new DeskFeed(settings.kafka(), desk, settings.dashboardHistory(), clock);
    deskFeed.start();
    Lane.Context context = new Lane.Context(settings.kafka(), settings.groupPrefix(),
        new DeadLetters(producer, clock), new Receipts(producer, clock), mutes, ops.registry(), clock);
    for (ChannelPlan plan : routing.channels()) {
      lanes.add(new ImmediateLane(plan, routing, context));
      if (plan.hold().everHolds()) {
        lanes.add(new HeldLane(plan, routing, context));
      }
    }
    lanes.forEach(Lane::start);
    LOG.info("Alerts started: dashboard at http://{}:{}/, channels: {}", settings.dashboardHost(), dashboard.port(),
        routing.channels().isEmpty() ? "none besides the dashboard" : String.join(", ", routing.channels().stream().map(ChannelPlan::name).toList()));
  }

  /** Live dashboard streams (Server-Sent Events clients) being fed. */
  public int dashboardStreams() {
    return dashboard.streams();
  }

  @Override
  public boolean healthy() {
    return deskFeed != null && deskFeed.healthy() && lanes.stream().allMatch(Lane::healthy);
  }

  @Override
  public void close() {
    lanes.forEach(Lane::close);
    if (deskFeed != null) {
      deskFeed.close();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (producer != null) {
      producer.close();
    }
    routing.channels().forEach(plan -> plan.channel().close());
  }
}
