package io.eurus.alerts.channel;

import io.eurus.events.Alert;
import io.eurus.events.ArticleRef;
import java.net.URI;
import java.util.Locale;

/** Words every channel uses for an alert, written once so the desk reads the same thing everywhere. */
final class AlertText {

  private AlertText() {
  }

  /** "Rule match", "Tone shift", … */
  static String type(Alert alert) {
    String words = alert.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** "Update 3 · " for a follow-up of an ongoing alert, "" for a new one. */
  static String updatePrefix(Alert alert) {
    return alert.revision() > 1 ? "Update " + alert.revision() + " · " : "";
  }

  /** The snippet without the processor's {@code [[term]]} marks, for channels that cannot highlight safely. */
  static String plainSnippet(ArticleRef article) {
    return article.snippet() == null ? null : article.snippet().replace("[[", "").replace("]]", "");
  }

  /** The link if it is plain http(s), else null: a feed must not smuggle {@code javascript:} into a message. */
  static String safeLink(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toASCIIString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Shortens feed text for a message field, on a character boundary. */
  static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    String oneLine = text.strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
