package io.eurus.cli.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line of this JVM while open, Kafka's clients' INFO included (where each prints its whole configuration),
 * kept in memory with their stack traces for assertions and off the console.
 */
public final class CapturedLog implements AutoCloseable {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
  private final Level kafkaLevel = kafka.getLevel();

  public CapturedLog() {
    appender.start();
    root.addAppender(appender);
    kafka.addAppender(appender);
    kafka.setAdditive(false);
    kafka.setLevel(Level.INFO);
  }

  /** Each event as the console would show it: level, logger, message, and the stack trace if any. */
  public List<String> lines() {
    List<ILoggingEvent> events;
    synchronized (appender) { // the appender adds under its own lock
      events = new ArrayList<>(appender.list);
    }
    return events.stream()
        .map(event -> event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage()
            + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .toList();
  }

  @Override
  public void close() {
    kafka.setLevel(kafkaLevel);
    kafka.setAdditive(true);
    kafka.detachAppender(appender);
    root.detachAppender(appender);
    appender.stop();
  }
}
