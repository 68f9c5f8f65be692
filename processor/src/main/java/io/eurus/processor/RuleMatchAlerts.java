package io.eurus.processor;

import io.eurus.events.Alert;
import io.eurus.events.AlertType;
import io.eurus.events.Article;
import io.eurus.events.ArticleRef;
import io.eurus.events.EnrichedArticle;
import io.eurus.events.RuleMatch;
import io.eurus.events.RuleRef;
import io.eurus.events.Topics;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** One {@code RULE_MATCH} alert on {@code alerts} per rule an enriched article matched. */
public final class RuleMatchAlerts {

  private RuleMatchAlerts() {
  }

  public static void apply(KStream<String, EnrichedArticle> enriched) {
    enriched
        .flatMap((id, article) -> of(article).stream().map(alert -> KeyValue.pair(alert.key(), alert)).toList(),
            Named.as("rule-match-alerts"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("alerts"));
  }

  public static List<Alert> of(EnrichedArticle enriched) {
    return enriched.rules().stream().map(match -> alert(enriched, match)).toList();
  }

  /**
   * The key groups every version of the same article under the same rule, so an edited article
   * updates its alert (next revision) rather than opening a second one.
   */
  static Alert alert(EnrichedArticle enriched, RuleMatch match) {
    Article article = enriched.article();
    String key = AlertType.RULE_MATCH + ":" + match.ruleId() + ":" + article.id();
    ArticleRef ref = new ArticleRef(article.id(), article.title(), article.url(), article.source(), article.bloc(),
        article.published(), match.snippet());
    String tone = enriched.tone() == null ? "" : String.format(java.util.Locale.ROOT, " Relations tone %+.2f.", enriched.tone());
    return Alert.builder()
        .id(Alert.idOf(key, article.revision()))
        .key(key)
        .revision(article.revision())
        .type(AlertType.RULE_MATCH)
        .severity(match.severity())
        .title(match.name() + ": " + article.title())
        .summary("Rule '" + match.name() + "' matched an article from " + article.source() + "." + tone)
        .at(article.published())
        .created(article.fetched())
        .bloc(article.bloc())
        .rule(new RuleRef(match.ruleId(), match.name()))
        .articles(List.of(ref))
        .build();
  }
}
