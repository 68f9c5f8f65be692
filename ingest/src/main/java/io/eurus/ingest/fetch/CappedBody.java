package io.eurus.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body, but never more than {@code maxBytes}: the moment the cap is passed the
 * connection is cancelled, so a huge or endless body costs at most the cap in memory. {@link #abort}
 * cancels it from outside (the body deadline), so a server that drips bytes cannot hold us forever.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final long maxBytes;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private long received;
  private boolean discard;
  private static final long SKIP_LIMIT = 64 * 1024;

  CappedBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A subscriber that refuses the body at once: its declared length is over the cap. */
  static CappedBody refusing(IOException reason) {
    CappedBody body = new CappedBody(0);
    body.result.completeExceptionally(reason);
    return body;
  }

  /**
   * A subscriber that drops the body of a status we do not read (304, errors): a short one is drained so
   * the connection can be reused, a long one is cut off.
   */
  static CappedBody skipping() {
    CappedBody body = new CappedBody(SKIP_LIMIT);
    body.discard = true;
    return body;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (result.isDone()) {
      subscription.cancel();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      received += buffer.remaining();
      if (discard) {
        buffer.position(buffer.limit());
        if (received > maxBytes) {
          result.complete(new byte[0]);
          subscription.cancel();
          return;
        }
        continue;
      }
      if (received > maxBytes) {
        fail(new BodyTooLargeException(maxBytes));
        return;
      }
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      collected.write(bytes, 0, bytes.length);
    }
    subscription.request(1);
  }

  @Override
  public synchronized void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public synchronized void onComplete() {
    result.complete(collected.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  /** Stops reading and fails the body with {@code reason}. */
  synchronized void abort(IOException reason) {
    fail(reason);
  }

  private void fail(IOException reason) {
    result.completeExceptionally(reason);
    collected.reset();
    if (subscription != null) {
      subscription.cancel();
    }
  }

  /** The body passed the cap; reading stopped there. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long maxBytes) {
      super("response larger than " + Sizes.human(maxBytes) + " (the cap); stopped reading");
    }
  }
}
