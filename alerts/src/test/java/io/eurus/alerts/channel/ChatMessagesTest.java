package io.eurus.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.ArticleRef;
import io.eurus.events.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feed text cannot ping a channel, inject a link or format a Slack or Teams message. */
class ChatMessagesTest {

  private static final String HOSTILE_TITLE = "<!channel> *URGENT* [click](https://evil.example) <https://evil.example|login> & more";

  private static Alert hostile(int revision) {
    ArticleRef article = new ArticleRef("a1", HOSTILE_TITLE, "javascript:alert(1)", "<!here> Wire", "eu-media",
        Instant.parse("2026-11-24T08:00:00Z"), "new [[sanctions]] <@U123>");
    ArticleRef linked = new ArticleRef("a2", "Plain title", "https://news.example/a2", "Wire", "eu-media", null, null);
    return Alert.builder()
        .schemaVersion(1)
        .id("k#" + revision)
        .key("k")
        .revision(revision)
        .type(AlertType.RULE_MATCH)
        .severity(Severity.HIGH)
        .title(HOSTILE_TITLE)
        .summary("Summary <!everyone>")
        .at(Instant.parse("2026-11-24T08:00:00Z"))
        .created(Instant.parse("2026-11-24T08:00:01Z"))
        .bloc("eu-media")
        .articles(List.of(article, linked))
        .build();
  }

  /** Every text value in a JSON tree. */
  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.forEach(child -> texts.addAll(texts(child)));
    node.fields().forEachRemaining(field -> texts.addAll(texts(field.getValue())));
    return texts;
  }

  @Test
  void slackGetsFeedTextOnlyAsEscapedPlainTextAndLinksOnlyAsCheckedButtons() {
    JsonNode message = SlackChannel.message(hostile(1));

    List<String> texts = texts(message);
    assertThat(texts).noneMatch(t -> t.contains("<!") || t.contains("<@") || t.contains("<https"));
    assertThat(String.join("\n", texts)).contains("&lt;!channel&gt; *URGENT*", "&amp; more", "&lt;!here&gt; Wire");
    assertThat(message.path("text").asText()).isEqualTo("Eurus HIGH · Rule match");
    message.path("blocks").forEach(block -> {
      assertThat(block.path("text").path("type").asText("plain_text")).isEqualTo("plain_text");
      block.path("elements").forEach(e -> assertThat(e.path("type").asText()).isEqualTo("plain_text"));
    });
    assertThat(message.findValuesAsText("url")).containsExactly("https://news.example/a2");
  }

  @Test
  void slackSaysWhichUpdateOfAnOngoingAlertAMessageIs() {
    assertThat(SlackChannel.message(hostile(3)).path("blocks").get(0).path("text").path("text").asText()).startsWith("Update 3 · ");
  }

  @Test
  void teamsEscapesMarkdownSoFeedTextRendersLiterallyAndLinksOnlyAsCheckedActions() {
    JsonNode message = TeamsChannel.message(hostile(1));
    JsonNode card = message.path("attachments").get(0).path("content");

    assertThat(message.path("attachments").get(0).path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    String title = card.path("body").get(0).path("text").asText();
    assertThat(title).isEqualTo("\\<\\!channel\\> \\*URGENT\\* \\[click\\]\\(https://evil\\.example\\) \\<https://evil\\.example\\|login\\> & more");
    assertThat(texts(card.path("body"))).noneMatch(t -> t.matches("(?s).*(?<!\\\\)\\[.*") || t.matches("(?s).*(?<!\\\\)\\*.*"));
    assertThat(card.path("actions")).hasSize(1);
    assertThat(card.path("actions").get(0).path("url").asText()).isEqualTo("https://news.example/a2");
  }

  @Test
  void unsafeLinksAreDroppedAndSafeOnesKept() {
    assertThat(AlertText.safeLink("javascript:alert(1)")).isNull();
    assertThat(AlertText.safeLink("data:text/html,x")).isNull();
    assertThat(AlertText.safeLink("https://news.example/a?b=c")).isEqualTo("https://news.example/a?b=c");
    assertThat(AlertText.safeLink("not a url")).isNull();
  }
}
