package io.eurus.cli.replay;

import io.eurus.events.Article;
import io.eurus.events.EnrichedArticle;
import io.eurus.processor.ArticleEnricher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The articles of an archive in event-time order, each already read and enriched on the other cores while the
 * replay runs the topology on one. The enricher is pure and thread-safe, so each result is what the topology's
 * own enrich step would compute, only sooner: the output does not change, the replay takes the time of the
 * slower of the two halves instead of their sum.
 */
public final class EnrichAhead implements Iterator<EnrichAhead.Prepared>, AutoCloseable {

  /** How many articles are read and enriched ahead of the one being replayed. */
  static final int AHEAD = 256;

  /** One article as ingest would publish it, its line, and its enrichment (null when the enricher failed on it). */
  public record Prepared(ArticleArchive.Entry entry, Article article, EnrichedArticle enriched) {
  }

  private final ArticleArchive archive;
  private final ArticleEnricher enricher;
  private final Iterator<ArticleArchive.Entry> entries;
  private final ExecutorService workers;
  private final Deque<Future<Prepared>> pending = new ArrayDeque<>();

  /** With {@code threads} workers; one less than the cores, so the replay keeps one for itself. */
  public EnrichAhead(ArticleArchive archive, ArticleEnricher enricher, int threads) {
    this.archive = archive;
    this.enricher = enricher;
    this.entries = archive.inOrder().iterator();
    this.workers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "eurus-replay-enrich");
      thread.setDaemon(true);
      return thread;
    });
    while (pending.size() < AHEAD && entries.hasNext()) {
      submitNext();
    }
  }

  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  @Override
  public boolean hasNext() {
    return !pending.isEmpty();
  }

  @Override
  public Prepared next() {
    if (pending.isEmpty()) {
      throw new NoSuchElementException();
    }
    Future<Prepared> first = pending.poll();
    if (entries.hasNext()) {
      submitNext();
    }
    try {
      return first.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading ahead", e);
    }
  }

  private void submitNext() {
    ArticleArchive.Entry entry = entries.next();
    pending.add(workers.submit(() -> {
      try {
        Article article = archive.read(entry);
        try {
          return new Prepared(entry, article, enricher.enrich(article));
        } catch (RuntimeException e) {
          // Left to the topology's own enrich step, whose failure goes to the dead letters as in the service.
          return new Prepared(entry, article, null);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
