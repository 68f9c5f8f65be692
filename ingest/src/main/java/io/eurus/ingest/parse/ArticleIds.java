package io.eurus.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Stable article ids: the same item gets the same id on every poll, from every instance. */
public final class ArticleIds {

  private ArticleIds() {
  }

  /** {@code a-} and 16 hex digits of the SHA-256 of the item's identity (its GUID, or else its canonical URL). */
  public static String of(String identity) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "a-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The URL without what does not identify the page: tracking parameters ({@code utm_*}) and the fragment.
   * Returns the input unchanged when it is not a URL.
   */
  public static String canonicalUrl(String url) {
    try {
      URI uri = new URI(url.trim());
      String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
          .filter(part -> !part.isEmpty() && !part.toLowerCase().startsWith("utm_"))
          .collect(Collectors.joining("&"));
      URI canonical = new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), null, null);
      String base = canonical.toString();
      return query == null || query.isEmpty() ? base : base + "?" + query;
    } catch (URISyntaxException e) {
      return url.trim();
    }
  }
}
