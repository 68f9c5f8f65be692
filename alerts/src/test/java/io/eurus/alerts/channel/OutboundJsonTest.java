package io.eurus.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eurus.events.ArticleRef;
import io.eurus.events.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboundJsonTest {

  private static JsonNode out(String url) throws Exception {
    return OutboundJson.mapper().readTree(OutboundJson.mapper().writeValueAsBytes(
        new ArticleRef("a", "Title", url, "Wire", "eu-media", Instant.parse("2026-11-24T08:00:00Z"), "snippet")));
  }

  @Test
  void onlyHttpAndHttpsArticleLinksLeaveEurus() throws Exception {
    assertThat(out("https://news.example/a").path("url").asText()).isEqualTo("https://news.example/a");
    assertThat(out("http://news.example/a").path("url").asText()).isEqualTo("http://news.example/a");
    assertThat(out("javascript:alert(1)").has("url")).isFalse();
    assertThat(out(" JaVaScRiPt:alert(1)").has("url")).isFalse();
    assertThat(out("data:text/html,<script>alert(1)</script>").has("url")).isFalse();
    assertThat(out("//news.example/a").has("url")).as("no scheme").isFalse();
    assertThat(out("https://news.example/a").path("title").asText()).isEqualTo("Title");
  }

  @Test
  void theMessagesOnTheTopicsKeepTheLinkAsRead() throws Exception {
    ArticleRef hostile = new ArticleRef("a", "T", "javascript:alert(1)", "W", "eu-media", null, null);

    assertThat(Json.mapper().readTree(Json.mapper().writeValueAsBytes(hostile)).path("url").asText()).isEqualTo("javascript:alert(1)");
  }
}
