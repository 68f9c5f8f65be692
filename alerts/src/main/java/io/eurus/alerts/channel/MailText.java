package io.eurus.alerts.channel;

import io.eurus.events.Alert;
import io.eurus.events.ArticleRef;
import io.eurus.events.Evidence;
import java.util.List;

/** The plain-text and HTML bodies of alert mails. Feed text is HTML-escaped before it enters the HTML part. */
final class MailText {

  private MailText() {
  }

  static String alertText(Alert alert) {
    StringBuilder text = new StringBuilder()
        .append(AlertText.updatePrefix(alert)).append(alert.title()).append("\n")
        .append(alert.severity()).append(" · ").append(AlertText.type(alert))
        .append(alert.bloc() == null ? "" : " · " + alert.bloc()).append(" · ").append(alert.at()).append("\n\n");
    if (alert.summary() != null) {
      text.append(alert.summary()).append("\n\n");
    }
    Evidence evidence = alert.evidence();
    if (evidence != null && evidence.current() != null) {
      text.append("Now ").append(evidence.current()).append(", baseline ").append(evidence.baseline())
          .append(evidence.deviations() == null ? "" : " (" + evidence.deviations() + " σ)").append("\n\n");
    }
    for (ArticleRef article : alert.articles()) {
      text.append("- ").append(article.title()).append(" — ").append(article.source()).append("\n");
      String snippet = AlertText.plainSnippet(article);
      if (snippet != null) {
        text.append("  “").append(snippet).append("”\n");
      }
      String link = AlertText.safeLink(article.url());
      if (link != null) {
        text.append("  ").append(link).append("\n");
      }
    }
    return text.append("\n— Eurus, alert ").append(alert.id()).append("\n").toString();
  }

  static String alertHtml(Alert alert) {
    StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">")
        .append("<p style=\"color:#5b6576\">").append(escape(alert.severity() + " · " + AlertText.type(alert)
            + (alert.bloc() == null ? "" : " · " + alert.bloc()))).append("</p>")
        .append("<h2>").append(escape(AlertText.updatePrefix(alert) + alert.title())).append("</h2>");
    if (alert.summary() != null) {
      html.append("<p>").append(escape(alert.summary())).append("</p>");
    }
    Evidence evidence = alert.evidence();
    if (evidence != null && evidence.current() != null) {
      html.append("<p>Now <b>").append(evidence.current()).append("</b>, baseline ").append(evidence.baseline())
          .append(evidence.deviations() == null ? "" : " (" + evidence.deviations() + " σ)").append("</p>");
    }
    html.append(articlesHtml(alert.articles()));
    return html.append("<p style=\"color:#5b6576\">Eurus, alert ").append(escape(alert.id())).append("</p></body></html>").toString();
  }

  static String digestText(List<Alert> shown, int total) {
    StringBuilder text = new StringBuilder(total + (total == 1 ? " alert" : " alerts") + " since the last digest.\n\n");
    for (Alert alert : shown) {
      text.append("- [").append(alert.severity()).append("] ").append(AlertText.updatePrefix(alert)).append(alert.title())
          .append(" (").append(AlertText.type(alert)).append(", ").append(alert.at()).append(")\n");
      alert.articles().stream().limit(1).forEach(article -> {
        String link = AlertText.safeLink(article.url());
        text.append("  ").append(article.source()).append(link == null ? "" : " " + link).append("\n");
      });
    }
    if (total > shown.size()) {
      text.append("\n… and ").append(total - shown.size()).append(" more on the dashboard.\n");
    }
    return text.toString();
  }

  static String digestHtml(List<Alert> shown, int total) {
    StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\"><p>")
        .append(total).append(total == 1 ? " alert" : " alerts").append(" since the last digest.</p><table cellpadding=\"4\">");
    for (Alert alert : shown) {
      html.append("<tr><td><b>").append(alert.severity()).append("</b></td><td>").append(escape(AlertText.type(alert)))
          .append("</td><td>").append(escape(AlertText.updatePrefix(alert) + alert.title()));
      alert.articles().stream().limit(1).forEach(article -> html.append("<br><small>").append(link(article)).append("</small>"));
      html.append("</td></tr>");
    }
    html.append("</table>");
    if (total > shown.size()) {
      html.append("<p>… and ").append(total - shown.size()).append(" more on the dashboard.</p>");
    }
    return html.append("</body></html>").toString();
  }

  private static String articlesHtml(List<ArticleRef> articles) {
    StringBuilder html = new StringBuilder("<ul>");
    for (ArticleRef article : articles) {
      html.append("<li>").append(link(article));
      if (article.snippet() != null) {
        // Escape first, then turn the processor's [[term]] marks into highlights: the marks are ours, the text is not.
        html.append("<blockquote>").append(escape(article.snippet()).replace("[[", "<mark>").replace("]]", "</mark>"))
            .append("</blockquote>");
      }
      html.append("</li>");
    }
    return html.append("</ul>").toString();
  }

  private static String link(ArticleRef article) {
    String label = escape(article.title()) + " — " + escape(article.source());
    String url = AlertText.safeLink(article.url());
    return url == null ? label : "<a href=\"" + escape(url) + "\">" + label + "</a>";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
