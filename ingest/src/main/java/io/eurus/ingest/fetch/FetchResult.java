package io.eurus.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/** What one conditional GET of a feed gave. */
public sealed interface FetchResult {

  /** 304: the feed is unchanged since the validators we sent; nothing to parse. */
  record NotModified() implements FetchResult {
  }

  /**
   * 200 with a body no larger than the cap (already decompressed).
   *
   * @param contentType  the Content-Type header, for Rome's charset rules; null when absent
   * @param etag         validators to send next time; null when the server gave none
   * @param finalUrl     where the body came from after redirects
   */
  record Fetched(byte[] body, String contentType, String etag, String lastModified, URI finalUrl) implements FetchResult {
  }

  /**
   * Anything else, with a one-line reason.
   *
   * @param retryAfter how long the server asked us to wait (429/503 Retry-After), null when it did not
   */
  record Failed(String reason, Duration retryAfter) implements FetchResult {
    public Failed(String reason) {
      this(reason, null);
    }
  }
}
