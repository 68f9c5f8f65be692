package io.eurus.ingest.poll;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What all the feed pollers of an instance share.
 *
 * @param committed told of each poll whose outcome was committed (for metrics)
 */
public record FeedPollers(PollCycle cycle, TransactionalPublisher publisher, PollSchedule schedule,
    ScheduledExecutorService scheduler, Clock clock, Consumer<PollOutcome> committed) {
}
