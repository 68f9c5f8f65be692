package io.eurus.events;

import java.time.Instant;

/** An article cited as evidence in an alert, with the passage that made it count. */
public record ArticleRef(String id, String title, String url, String source, String bloc, Instant published, String snippet) {
}
