package io.eurus.processor;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Article;
import io.eurus.events.ArticleRef;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.RuleMatch;
import io.eurus.events.RuleRef;
import java.util.List;

/** One {@code RULE_MATCH} alert per rule an enriched article matched. */
public final class RuleMatchAlerts {

  private RuleMatchAlerts() {
  }

  public static List<Alert> of(EnrichedArticle enriched) {
    return enriched.rules().stream().map(match -> alert(enriched.article(), match)).toList();
  }

  /**
   * The key groups every version of the same article under the same rule, so an edited article
   * updates its alert (next revision) rather than opening a second one.
   */
  static Alert alert(Article article, RuleMatch match) {
    String key = AlertType.RULE_MATCH + ":" + match.ruleId() + ":" + article.id();
    ArticleRef ref = new ArticleRef(article.id(), article.title(), article.url(), article.source(), article.bloc(),
        article.published(), match.snippet());
    return new Alert(Alert.SCHEMA_VERSION, Alert.idOf(key, article.revision()), key, article.revision(),
        AlertType.RULE_MATCH, match.severity(), match.name() + ": " + article.title(),
        "Rule '" + match.name() + "' matched an article from " + article.source() + ".",
        article.published(), article.fetched(), article.bloc(), null, new RuleRef(match.ruleId(), match.name()),
        null, List.of(ref), null);
  }
}
