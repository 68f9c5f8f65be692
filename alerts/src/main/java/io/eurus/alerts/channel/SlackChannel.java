package io.eurus.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eurus.events.Alert;
import io.eurus.events.ArticleRef;
import io.eurus.events.Json;

/**
 * A Slack incoming webhook, as a Block Kit message.
 *
 * <p>Text from feeds goes only into {@code plain_text} objects, which Slack never parses for markup, and is
 * escaped for Slack's three control characters besides: a title like {@code <!channel>} or
 * {@code <https://evil|click>} shows as typed and pings nobody. Links are buttons with a checked http(s) URL.
 * Incoming webhooks cannot reply in a thread, so an update of an ongoing alert is a new message that says
 * which update it is.
 *
 * <pre>
 * desk-slack:
 *   type: slack
 *   url: {env: SLACK_WEBHOOK_URL}    # required; the URL is the credential
 * </pre>
 */
public final class SlackChannel extends ChatWebhookChannel {

  public static final String TYPE = "slack";
  private static final int MAX_ARTICLES = 3;

  public SlackChannel(String name, String url) {
    super(name, url, SlackChannel::message);
  }

  /** The Block Kit message for an alert. */
  static ObjectNode message(Alert alert) {
    ObjectNode message = Json.mapper().createObjectNode();
    // The notification text is made of Eurus' own words only: feed text never reaches a mrkdwn field.
    message.put("text", "Eurus " + alert.severity() + " · " + AlertText.updatePrefix(alert) + AlertText.type(alert));
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header")
        .set("text", plain(AlertText.updatePrefix(alert) + AlertText.clip(alert.title(), 140)));
    blocks.addObject().put("type", "context").putArray("elements")
        .add(plain(alert.severity() + " · " + AlertText.type(alert) + (alert.bloc() == null ? "" : " · " + alert.bloc())));
    if (alert.summary() != null) {
      blocks.addObject().put("type", "section").set("text", plain(AlertText.clip(alert.summary(), 2900)));
    }
    for (ArticleRef article : alert.articles().stream().limit(MAX_ARTICLES).toList()) {
      String snippet = AlertText.plainSnippet(article);
      ObjectNode section = blocks.addObject().put("type", "section");
      section.set("text", plain(AlertText.clip(article.title(), 300) + " — " + AlertText.clip(article.source(), 100)
          + (snippet == null ? "" : "\n“" + AlertText.clip(snippet, 500) + "”")));
      String link = AlertText.safeLink(article.url());
      if (link != null) {
        ObjectNode button = section.putObject("accessory").put("type", "button");
        button.set("text", plain("Open"));
        button.put("url", link);
      }
    }
    return message;
  }

  private static ObjectNode plain(String text) {
    return Json.mapper().createObjectNode().put("type", "plain_text").put("text", escape(text)).put("emoji", false);
  }

  /** Slack's required escaping of its control characters: no {@code <!channel>}, no {@code <url|label>}. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
