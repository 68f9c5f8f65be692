package io.eurus.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.eurus.platform.kafka.KafkaClients;

/**
 * Keeps the start-up broker check's own client logs out of the console: when it fails (a wrong password, an untrusted
 * certificate), the command already says why in one line, and Kafka's client would add an error and a stack trace
 * for the same thing. Kafka's clients start each message with their client id, which is how the check's are told.
 */
public final class BrokerCheckLogFilter extends Filter<ILoggingEvent> {

  private static final String MARK = "clientId=" + KafkaClients.BROKER_CHECK_CLIENT_ID + "]";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    String message = event.getMessage();
    return message != null && message.startsWith("[") && message.contains(MARK) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
