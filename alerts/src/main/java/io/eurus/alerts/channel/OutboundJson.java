package io.eurus.alerts.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eurus.events.ArticleRef;
import io.eurus.events.Json;

/**
 * The JSON of alerts as they leave Eurus (webhook bodies, the dashboard's API and live stream): the messages'
 * own format, except that an article link is kept only when it is plain http(s). A feed can put any URL in an
 * item ({@code javascript:}, {@code data:}); the topics keep it as read, but no receiver gets it.
 */
public final class OutboundJson {

  private static final ObjectMapper MAPPER = Json.mapper().copy().addMixIn(ArticleRef.class, SafeArticleLink.class);

  private OutboundJson() {
  }

  /** Thread-safe; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private abstract static class SafeArticleLink {
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = UnsafeLink.class)
    abstract String url();
  }

  /** Jackson's value filter: "equal" to the links to leave out. */
  static final class UnsafeLink {
    @Override
    public boolean equals(Object value) {
      return value instanceof String url && AlertText.safeLink(url) == null;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
