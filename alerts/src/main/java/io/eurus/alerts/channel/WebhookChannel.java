package io.eurus.alerts.channel;

import io.eurus.events.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook: each alert as its JSON message in a POST, with
 * <ul>
 *   <li>{@code Idempotency-Key}: the alert's id ({@code key#revision}), so a receiver drops repeats;</li>
 *   <li>{@code X-Eurus-Alert-Key} and {@code X-Eurus-Revision}: to thread an update onto the open alert;</li>
 *   <li>{@code X-Eurus-Signature: sha256=HEX}: HMAC-SHA256 of the exact body with the shared secret, when
 *       one is configured, so the receiver knows the alert came from Eurus and was not altered.</li>
 * </ul>
 *
 * <pre>
 * desk-hook:
 *   type: webhook
 *   url: {env: DESK_HOOK_URL}          # required
 *   secret: {env: DESK_HOOK_SECRET}    # optional: signs each body
 * </pre>
 */
public final class WebhookChannel implements Channel {

  public static final String TYPE = "webhook";
  public static final String SIGNATURE_HEADER = "X-Eurus-Signature";

  private final String name;
  private final HttpPoster poster;
  private final byte[] secret;

  public WebhookChannel(String name, String url, String secret) {
    this.name = name;
    this.poster = new HttpPoster(URI.create(url));
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(Alert alert) throws DeliveryException {
    byte[] body;
    try {
      body = OutboundJson.mapper().writeValueAsBytes(alert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Idempotency-Key", alert.id());
    headers.put("X-Eurus-Alert-Key", alert.key());
    headers.put("X-Eurus-Revision", String.valueOf(alert.revision()));
    if (secret != null) {
      headers.put(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
    }
    poster.post(body, headers);
  }

  /** The hex HMAC-SHA256 of {@code body}: what a receiver recomputes with the shared secret to verify. */
  public static String sign(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
