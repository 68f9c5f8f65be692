package io.eurus.alerts.dashboard;

import io.eurus.alerts.desk.Desk;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The pages following the desk live ({@code /api/alerts/stream}, Server-Sent Events), and what each holds.
 *
 * <p>A client that goes away is only noticed when something is written to it, so every client gets a comment
 * line every {@link #HEARTBEAT}; the first write that fails closes it, which stops its watching of the desk and
 * ends its request. No thread waits per client: the request is asynchronous from the start (not through
 * Javalin's SSE handler, which borrows a thread from its async pool for every client), and one thread writes to
 * every client in turn, so a burst of changes never waits on the desk's lock for a slow page. A page whose
 * backlog passes {@link #MAX_BACKLOG} events (seconds of a burst of thousands of alerts a second on a starved
 * machine) is closed: it reconnects and starts again from a fresh snapshot, which holds the latest of everything.
 */
final class StreamClients implements AutoCloseable {

  static final Duration HEARTBEAT = Duration.ofSeconds(5);
  static final int MAX_BACKLOG = 10_000;

  private final Desk desk;
  private final Function<Object, String> json;
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "eurus-dashboard-streams");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();

  StreamClients(Desk desk, Function<Object, String> json) {
    this.desk = desk;
    this.json = json;
    writer.scheduleAtFixedRate(() -> clients.forEach(Client::ping), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The endpoint: answers 406 to a request that does not ask for an event stream, else follows the desk. */
  void open(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      ctx.status(HttpStatus.NOT_ACCEPTABLE).json(Map.of("error",
          "this is a live stream of Server-Sent Events: ask for it with Accept: text/event-stream (the list is at /api/alerts)"));
      return;
    }
    var response = ctx.res();
    response.setStatus(200);
    response.setCharacterEncoding("UTF-8");
    response.setContentType("text/event-stream");
    response.addHeader("Cache-Control", "no-cache");
    response.addHeader("X-Accel-Buffering", "no"); // a proxy in front must pass events on at once
    SseClient sse = new SseClient(ctx);
    Client client = new Client(sse);
    sse.onClose(client::closed);
    clients.add(client);
    sse.keepAlive(); // the request stays open without holding this thread, until the client is closed
    desk.watch(client.watcher, snapshot -> client.enqueue("snapshot", snapshot));
  }

  int size() {
    return clients.size();
  }

  @Override
  public void close() {
    writer.shutdownNow();
    clients.forEach(client -> client.sse.close());
  }

  private final class Client {
    private final SseClient sse;
    private final Queue<String[]> backlog = new ArrayDeque<>();
    private final Consumer<Desk.Change> watcher = change -> enqueue(change.kind(), change.data());
    private boolean draining;

    Client(SseClient sse) {
      this.sse = sse;
    }

    void enqueue(String event, Object data) {
      String text = json.apply(data);
      synchronized (this) {
        if (backlog.size() >= MAX_BACKLOG) {
          writer.execute(sse::close);
          return;
        }
        backlog.add(new String[] {event, text});
        if (draining) {
          return;
        }
        draining = true;
      }
      writer.execute(this::drain);
    }

    private void drain() {
      while (true) {
        String[] next;
        synchronized (this) {
          next = backlog.poll();
          if (next == null) {
            draining = false;
            return;
          }
        }
        if (!sse.terminated()) {
          sse.sendEvent(next[0], next[1], null); // a failed write closes the client
        }
      }
    }

    void ping() {
      if (!sse.terminated()) {
        sse.sendComment("ping");
      }
    }

    void closed() {
      desk.unwatch(watcher);
      clients.remove(this);
    }
  }
}
