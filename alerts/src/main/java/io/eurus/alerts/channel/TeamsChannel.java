package io.eurus.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eurus.events.Alert;
import io.eurus.events.ArticleRef;
import io.eurus.events.Json;
import java.util.regex.Pattern;

/**
 * A Microsoft Teams incoming webhook (a Workflows "post to a channel when a webhook request is received"
 * URL), as an Adaptive Card.
 *
 * <p>Adaptive Card text blocks render a subset of Markdown, so every piece of feed text has its Markdown
 * punctuation backslash-escaped: a title like {@code [click](https://evil)} or {@code **URGENT**} shows as
 * typed. Links are {@code Action.OpenUrl} buttons with a checked http(s) URL. Incoming webhooks cannot reply
 * to a post, so an update is a new card that says which update it is.
 *
 * <pre>
 * desk-teams:
 *   type: teams
 *   url: {env: TEAMS_WEBHOOK_URL}    # required; the URL is the credential
 * </pre>
 */
public final class TeamsChannel extends ChatWebhookChannel {

  public static final String TYPE = "teams";
  private static final int MAX_ARTICLES = 3;
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_\\[\\]{}()#+\\-.!|<>~])");

  public TeamsChannel(String name, String url) {
    super(name, url, TeamsChannel::message);
  }

  /** The message that carries the alert's Adaptive Card. */
  static ObjectNode message(Alert alert) {
    ObjectNode message = Json.mapper().createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject()
        .put("contentType", "application/vnd.microsoft.card.adaptive");
    ObjectNode card = attachment.putObject("content")
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard").put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.add(text(AlertText.updatePrefix(alert) + escape(AlertText.clip(alert.title(), 200))).put("size", "Medium").put("weight", "Bolder")
        .put("color", alert.severity().compareTo(io.eurus.events.Severity.HIGH) >= 0 ? "Attention" : "Default"));
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    facts.addObject().put("title", "Severity").put("value", alert.severity().name());
    facts.addObject().put("title", "Type").put("value", AlertText.type(alert));
    if (alert.bloc() != null) {
      facts.addObject().put("title", "Sources").put("value", escape(alert.bloc()));
    }
    if (alert.summary() != null) {
      body.add(text(escape(AlertText.clip(alert.summary(), 2000))));
    }
    ArrayNode actions = card.putArray("actions");
    for (ArticleRef article : alert.articles().stream().limit(MAX_ARTICLES).toList()) {
      String snippet = AlertText.plainSnippet(article);
      body.add(text(escape(AlertText.clip(article.title(), 300)) + " — " + escape(AlertText.clip(article.source(), 100))).put("weight", "Bolder"));
      if (snippet != null) {
        body.add(text(escape(AlertText.clip(snippet, 500))).put("isSubtle", true));
      }
      String link = AlertText.safeLink(article.url());
      if (link != null) {
        actions.addObject().put("type", "Action.OpenUrl").put("title", AlertText.clip(article.source(), 40)).put("url", link);
      }
    }
    return message;
  }

  private static ObjectNode text(String text) {
    return Json.mapper().createObjectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  /** Backslash-escapes Markdown punctuation, so feed text renders literally in a TextBlock. */
  static String escape(String text) {
    return MARKDOWN.matcher(text).replaceAll("\\\\$1");
  }
}
