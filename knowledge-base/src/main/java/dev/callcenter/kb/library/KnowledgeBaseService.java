package dev.callcenter.kb.library;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.kb.Article;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.KnowledgeBaseException;
import dev.callcenter.kb.article.ArticleDraft;
import dev.callcenter.kb.article.ArticleJsonLines;
import dev.callcenter.kb.article.ArticleRepository;
import dev.callcenter.kb.article.ArticleVersion;
import dev.callcenter.kb.article.FeedbackCounts;
import dev.callcenter.kb.article.FeedbackKind;
import dev.callcenter.kb.article.ImportReport;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchFilters;
import dev.callcenter.kb.search.SearchPage;
import dev.callcenter.kb.search.SearchRequest;
import dev.callcenter.kb.search.TitleSuggestion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases of the knowledge base: authoring articles (create, edit, publish, archive, with version
 * history) in PostgreSQL, the source of truth, and searching them in the Lucene index, which this
 * service keeps in step: every committed write is indexed at once and searchable within the index's
 * refresh period, and {@link #synchronizeIndex()} repairs an index that is missing or stale.
 */
public final class KnowledgeBaseService {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseService.class);

  /** The most articles one list returns. */
  public static final int MAX_LIST = 500;

  private static final int SCAN_PAGE = 1000;
  private static final int LOCK_STRIPES = 64;

  private final ArticleRepository articles;
  private final Transactions transactions;
  private final KnowledgeIndex index;
  private final Clock clock;
  private final Object[] indexLocks = new Object[LOCK_STRIPES];

  public KnowledgeBaseService(
      ArticleRepository articles, Transactions transactions, KnowledgeIndex index, Clock clock) {
    this.articles = articles;
    this.transactions = transactions;
    this.index = index;
    this.clock = clock;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      indexLocks[i] = new Object();
    }
  }

  /** What {@link #synchronizeIndex()} did. */
  public record IndexSync(boolean rebuilt, int indexed, int removed) {}

  /**
   * Brings the index in line with the database, for start-up: rebuilds it entirely when it was made
   * with other models (or none), else re-indexes the articles whose indexed version differs from
   * the stored one (all of them when the index directory was empty) and removes the ones gone from
   * the database. Also loads the "solved a ticket" counts for the ranking boost.
   */
  public IndexSync synchronizeIndex() {
    Map<Long, Integer> stored = articles.versions();
    Map<String, Integer> indexed = index.indexedRevisions();
    Set<String> removed = new HashSet<>(indexed.keySet());
    stored.keySet().forEach(id -> removed.remove(Long.toString(id)));
    IndexSync result;
    if (index.vectorsOutdated() || indexed.isEmpty() && !stored.isEmpty()) {
      List<Article> all = new ArrayList<>(stored.size());
      scanAll(article -> all.add(article.toIndexed()));
      index.reindex(all);
      result = new IndexSync(true, all.size(), removed.size());
    } else {
      int count = 0;
      for (Map.Entry<Long, Integer> e : stored.entrySet()) {
        if (!e.getValue().equals(indexed.get(Long.toString(e.getKey())))) {
          reindexArticle(e.getKey());
          count++;
        }
      }
      removed.forEach(index::delete);
      index.refreshNow();
      result = new IndexSync(false, count, removed.size());
    }
    Map<String, Integer> solved = new HashMap<>();
    articles.solvedCounts().forEach((id, n) -> solved.put(Long.toString(id), n));
    index.setSolvedCounts(solved);
    log.info(
        "Knowledge index synchronised: rebuilt={}, indexed={}, removed={}",
        result.rebuilt(),
        result.indexed(),
        result.removed());
    return result;
  }

  private void scanAll(Consumer<StoredArticle> each) {
    long after = 0;
    for (List<StoredArticle> page = articles.page(after, SCAN_PAGE);
        !page.isEmpty();
        page = articles.page(after, SCAN_PAGE)) {
      page.forEach(each);
      after = page.getLast().id();
    }
  }

  /**
   * Creates a DRAFT article.
   *
   * @param authorId the author, null when the system creates it
   */
  public StoredArticle create(ArticleDraft content, Long authorId) {
    return create(content, ArticleStatus.DRAFT, null, "created", authorId);
  }

  StoredArticle create(
      ArticleDraft content,
      ArticleStatus status,
      Long sourceTicketId,
      String change,
      Long authorId) {
    long id =
        transactions.inTransaction(
            () ->
                articles.insert(
                    content, status, sourceTicketId, change, authorId, clock.instant()));
    log.info("Knowledge-base article {} created ({}) by {}", id, status, authorId);
    reindexArticle(id);
    return get(id);
  }

  /**
   * Replaces the content of an article, keeping its status; a new version in its history.
   *
   * @param expectedVersion the version the author edited; a newer one means someone else saved
   *     meanwhile
   * @throws ConflictException {@code kb_article_version_conflict} when it is not the current one
   */
  public StoredArticle update(long id, int expectedVersion, ArticleDraft content, Long authorId) {
    StoredArticle current = get(id);
    return save(current, expectedVersion, content, current.status(), "edited", authorId);
  }

  /** Makes the article visible to searches that ask for published articles (and customers). */
  public StoredArticle publish(long id, Long authorId) {
    return changeStatus(id, ArticleStatus.PUBLISHED, "published", authorId);
  }

  /** Retires the article; it stays in the history and in agents' searches filtered on it. */
  public StoredArticle archive(long id, Long authorId) {
    return changeStatus(id, ArticleStatus.ARCHIVED, "archived", authorId);
  }

  private StoredArticle changeStatus(long id, ArticleStatus status, String change, Long authorId) {
    StoredArticle current = get(id);
    if (current.status() == status) {
      return current;
    }
    return save(current, current.version(), current.content(), status, change, authorId);
  }

  StoredArticle save(
      StoredArticle current,
      int expectedVersion,
      ArticleDraft content,
      ArticleStatus status,
      String change,
      Long authorId) {
    boolean saved =
        transactions.inTransaction(
            () ->
                articles.update(
                    current.id(),
                    expectedVersion,
                    content,
                    status,
                    change,
                    authorId,
                    clock.instant()));
    if (!saved) {
      throw versionConflict(current.id(), expectedVersion);
    }
    log.info("Knowledge-base article {} {} by {}", current.id(), change, authorId);
    reindexArticle(current.id());
    return get(current.id());
  }

  /** {@code kb_article_version_conflict}: the article is no longer at the version edited. */
  static ConflictException versionConflict(long id, int expectedVersion) {
    return new ConflictException(
        "kb_article_version_conflict",
        "article %d was saved by someone else since version %d".formatted(id, expectedVersion),
        Map.of("id", id, "expectedVersion", expectedVersion));
  }

  public StoredArticle get(long id) {
    return articles.find(id).orElseThrow(() -> new NotFoundException("kb_article", id));
  }

  /** Articles in this status (any when null), last updated first, at most {@link #MAX_LIST}. */
  public List<StoredArticle> list(ArticleStatus status, int limit) {
    return articles.list(status, Math.clamp(limit, 1, MAX_LIST));
  }

  /** Every saved state of the article with its author and time, oldest first. */
  public List<ArticleVersion> history(long id) {
    get(id);
    return articles.history(id);
  }

  /** Search for agents: every article the filters allow. */
  public SearchPage search(SearchRequest request) {
    return index.search(request);
  }

  /** Search for customers: only public, published articles. */
  public SearchPage searchPublic(SearchRequest request) {
    if (request.text().isEmpty()) {
      // Nothing typed (or only spaces and invisible characters): the self-service page answers
      // with no results rather than a listing of every public article.
      return new SearchPage(List.of(), 0, request.page(), request.pageSize());
    }
    return index.searchPublic(request);
  }

  /** Type-ahead on titles for the agent's search box. */
  public List<TitleSuggestion> suggest(String typed, SearchFilters filters, int limit) {
    return index.suggest(typed, filters, limit);
  }

  /** Type-ahead on titles of public, published articles. */
  public List<TitleSuggestion> suggestPublic(String typed, SearchFilters filters, int limit) {
    return index.suggestPublic(typed, filters, limit);
  }

  /**
   * Records a helpful / not-helpful vote or a "solved this ticket" link; the same vote twice counts
   * once. A link to a ticket also lifts the article's ranking a little (bounded).
   *
   * @param ticketId the ticket the reader was working on; required for SOLVED
   */
  public FeedbackCounts feedback(long articleId, FeedbackKind kind, Long ticketId, Long userId) {
    get(articleId);
    if (kind == FeedbackKind.SOLVED && ticketId == null) {
      throw new ValidationException("ticketId", "a SOLVED link needs the ticket it solved");
    }
    articles.addFeedback(articleId, kind, ticketId, userId, clock.instant());
    FeedbackCounts counts = articles.feedbackCounts(articleId);
    if (kind == FeedbackKind.SOLVED) {
      index.setSolvedCount(Long.toString(articleId), counts.solvedTickets());
    }
    return counts;
  }

  public FeedbackCounts feedbackCounts(long articleId) {
    get(articleId);
    return articles.feedbackCounts(articleId);
  }

  /** Articles linked as having solved the ticket, in the order they were linked. */
  public List<StoredArticle> solvedBy(long ticketId) {
    return articles.solvedBy(ticketId).stream().map(this::get).toList();
  }

  /**
   * Imports articles from JSON Lines; see {@link #importJsonLines(BufferedReader, Long,
   * ImportProgress)}.
   */
  public ImportReport importJsonLines(BufferedReader in, Long authorId) {
    return importJsonLines(in, authorId, ImportProgress.NONE);
  }

  /**
   * Imports articles from JSON Lines ({@link ArticleJsonLines}), read as a stream in batches of
   * {@link #IMPORT_BATCH} lines (fewer when they hold more than {@link #IMPORT_BATCH_CHARS}
   * characters): each batch is one database transaction, then indexed (embeddings computed
   * together) on a second thread while the next batch is read and stored, at most one batch behind;
   * the import waits for it before it returns, so that when an import stops between batches
   * (cancelled, or the reader fails) the database and the index hold the same articles. A bad line
   * is reported with its number and skipped, the rest of its batch imported; when the database
   * refuses a batch (an external id taken meanwhile), that batch is stored again line by line so
   * that only the offending line is skipped. A line whose {@code id} matches an article's external
   * id replaces that article's content and status (a new version in its history) instead of adding
   * a duplicate.
   *
   * @param authorId recorded as the author of the new versions; null for the system
   * @param progress told after each batch; its {@link ImportProgress#cancelled()} stops the import
   *     before the next batch is stored
   */
  public ImportReport importJsonLines(BufferedReader in, Long authorId, ImportProgress progress) {
    ImportRun run = new ImportRun(authorId);
    List<PendingLine> batch = new ArrayList<>(IMPORT_BATCH);
    Set<String> batchIds = new HashSet<>();
    long batchChars = 0;
    boolean cancelled = false;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        run.linesRead++;
        if (line.isBlank()) {
          continue;
        }
        ArticleJsonLines.Line parsed;
        try {
          parsed = ArticleJsonLines.parse(line);
        } catch (HelpdeskException e) {
          run.errors.add(new ImportReport.LineError(run.linesRead, e.getMessage()));
          continue;
        }
        String externalId = parsed.content().externalId();
        // The same external id twice in one batch: the first must be stored before the second
        // can replace it.
        boolean repeated = externalId != null && !batchIds.add(externalId);
        if (repeated || batch.size() >= IMPORT_BATCH || batchChars >= IMPORT_BATCH_CHARS) {
          if (progress.cancelled()) {
            cancelled = true;
            break;
          }
          run.store(batch);
          progress.batchDone(run.report(false));
          batch.clear();
          batchIds.clear();
          batchChars = 0;
          if (externalId != null) {
            batchIds.add(externalId);
          }
        }
        batch.add(new PendingLine(run.linesRead, parsed));
        batchChars += line.length();
      }
      if (!cancelled && !batch.isEmpty()) {
        if (progress.cancelled()) {
          cancelled = true;
        } else {
          run.store(batch);
        }
      }
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot read the import at line " + (run.linesRead + 1), e);
    } finally {
      // Whatever was stored is in the database; make it durable in the index too.
      run.close();
      index.commitNow();
      index.refreshNow();
    }
    ImportReport report = run.report(cancelled);
    log.info(
        "Knowledge-base import{}: {} created, {} updated, {} unchanged, {} bad lines skipped;"
            + " database {} ms, index {} ms (the two overlap)",
        cancelled ? " (cancelled at line " + report.linesRead() + ")" : "",
        report.created(),
        report.updated(),
        report.unchanged(),
        report.errors().size(),
        run.databaseNanos / 1_000_000,
        run.indexNanos / 1_000_000);
    if (!cancelled) {
      progress.batchDone(report);
    }
    return report;
  }

  /**
   * Most lines per batch of {@link #importJsonLines}: one transaction each. Larger batches than the
   * first 500 pay the durable commit (an fsync) less often; the 2,000 lines are parsed and held in
   * memory twice at most (one batch stored, the one before it indexed).
   */
  public static final int IMPORT_BATCH = 2000;

  /**
   * A batch is closed early once its lines hold this many characters, so that long articles (up to
   * 4 × 100,000 characters each) never make a batch of gigabytes.
   */
  static final long IMPORT_BATCH_CHARS = 4_000_000;

  private static final long INDEX_COMMIT_SECONDS = 5;

  /**
   * Longest time an import's indexed batches stay uncommitted (searchable, not yet durable in the
   * index; always durable in the database): an index commit per batch spent more time in fsync than
   * in indexing. A crash loses at most this much from the index, and the start-up synchronisation
   * indexes it again.
   */
  private static final long INDEX_COMMIT_NANOS = INDEX_COMMIT_SECONDS * 1_000_000_000L;

  private record PendingLine(int number, ArticleJsonLines.Line line) {}

  /** The counts of one import and the storing of its batches. */
  private final class ImportRun {
    final Long authorId;
    final List<ImportReport.LineError> errors = new ArrayList<>();
    int linesRead;
    int created;
    int updated;
    int unchanged;
    long databaseNanos;
    long indexNanos;
    long lastCommit = System.nanoTime();

    /** Indexes stored batches while the next one is read and stored; started on first use. */
    private ExecutorService indexer;

    /** The batch being indexed, or null. */
    private Future<?> indexing;

    ImportRun(Long authorId) {
      this.authorId = authorId;
    }

    /**
     * Indexes a stored batch on the indexing thread, after the batch before it (so that a later
     * version of an article is never overwritten by an earlier one).
     */
    void indexInBackground(List<Article> stored) {
      finishIndexing();
      if (stored.isEmpty()) {
        return;
      }
      if (indexer == null) {
        indexer =
            Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("kb-import-index").daemon().factory());
      }
      indexing =
          indexer.submit(
              () -> {
                long started = System.nanoTime();
                boolean commit = started - lastCommit >= INDEX_COMMIT_NANOS;
                indexAll(stored, commit);
                long indexedAt = System.nanoTime();
                if (commit) {
                  lastCommit = indexedAt;
                }
                indexNanos += indexedAt - started;
              });
    }

    /**
     * Waits for the batch being indexed, without giving up on an interrupt: the import must not
     * return while a stored batch is still missing from the index.
     */
    void finishIndexing() {
      if (indexing == null) {
        return;
      }
      boolean interrupted = false;
      try {
        while (true) {
          try {
            indexing.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            // indexAll logs and swallows failures; what is left is an Error.
            throw new KnowledgeBaseException("indexing an imported batch failed", e.getCause());
          }
        }
      } finally {
        indexing = null;
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** Waits for the last batch and stops the indexing thread. */
    void close() {
      try {
        finishIndexing();
      } finally {
        if (indexer != null) {
          indexer.shutdown();
        }
      }
    }

    ImportReport report(boolean cancelled) {
      List<ImportReport.LineError> sorted = new ArrayList<>(errors);
      sorted.sort(java.util.Comparator.comparingInt(ImportReport.LineError::line));
      return new ImportReport(created, updated, unchanged, sorted, linesRead, cancelled);
    }

    void store(List<PendingLine> batch) {
      if (batch.isEmpty()) {
        return;
      }
      long started = System.nanoTime();
      Map<String, StoredArticle> existing =
          articles.findByExternalIds(
              batch.stream()
                  .map(p -> p.line().content().externalId())
                  .filter(java.util.Objects::nonNull)
                  .toList());
      List<ArticleRepository.Write> writes = new ArrayList<>(batch.size());
      List<PendingLine> written = new ArrayList<>(batch.size());
      int same = 0;
      for (PendingLine pending : batch) {
        ArticleJsonLines.Line line = pending.line();
        StoredArticle current =
            line.content().externalId() == null ? null : existing.get(line.content().externalId());
        if (current == null) {
          writes.add(ArticleRepository.Write.create(line.content(), line.status()));
        } else if (current.content().equals(line.content()) && current.status() == line.status()) {
          same++;
          continue;
        } else {
          writes.add(
              new ArticleRepository.Write(
                  current.id(), current.version(), line.content(), line.status()));
        }
        written.add(pending);
      }
      long[] writtenIds;
      try {
        writtenIds =
            transactions.inTransaction(
                () -> articles.writeAll(writes, "imported", authorId, clock.instant()));
      } catch (RuntimeException e) {
        log.info(
            "Knowledge-base import: the database refused the batch of lines {}–{} ({}); storing"
                + " it line by line",
            batch.getFirst().number(),
            batch.getLast().number(),
            e.toString());
        storeOneByOne(batch);
        return;
      }
      unchanged += same;
      List<Article> stored = new ArrayList<>(writtenIds.length);
      for (int i = 0; i < writtenIds.length; i++) {
        ArticleRepository.Write write = writes.get(i);
        if (writtenIds[i] == 0) {
          // Saved by someone else between the look-up and this batch.
          errors.add(
              new ImportReport.LineError(
                  written.get(i).number(),
                  versionConflict(write.id(), write.expectedVersion()).getMessage()));
        } else {
          // Indexed from what was written: the new version is 1, or one more than expected.
          int version = write.isNew() ? 1 : write.expectedVersion() + 1;
          stored.add(
              StoredArticle.toIndexed(writtenIds[i], write.content(), write.status(), version));
          if (write.isNew()) {
            created++;
          } else {
            updated++;
          }
        }
      }
      databaseNanos += System.nanoTime() - started;
      indexInBackground(stored);
    }

    private void storeOneByOne(List<PendingLine> batch) {
      // These index as they are stored, so the batches before them must be indexed first.
      finishIndexing();
      for (PendingLine pending : batch) {
        try {
          switch (importOne(pending.line(), authorId)) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
          }
        } catch (HelpdeskException e) {
          errors.add(new ImportReport.LineError(pending.number(), e.getMessage()));
        }
      }
    }
  }

  /**
   * Indexes these articles (as just written to the database), committing the index if asked. A
   * failure is logged and left to {@link #synchronizeIndex()} at the next start, as for single
   * writes.
   */
  private void indexAll(List<Article> stored, boolean commit) {
    if (stored.isEmpty()) {
      return;
    }
    try {
      index.upsertAll(stored, commit);
    } catch (RuntimeException e) {
      log.error(
          "Knowledge-base articles {}…{} are saved but could not be indexed",
          stored.getFirst().id(),
          stored.getLast().id(),
          e);
    }
  }

  private enum Imported {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private Imported importOne(ArticleJsonLines.Line line, Long authorId) {
    String externalId = line.content().externalId();
    var existing = externalId == null ? null : articles.findByExternalId(externalId).orElse(null);
    if (existing == null) {
      create(line.content(), line.status(), null, "imported", authorId);
      return Imported.CREATED;
    }
    if (existing.content().equals(line.content()) && existing.status() == line.status()) {
      return Imported.UNCHANGED;
    }
    save(existing, existing.version(), line.content(), line.status(), "imported", authorId);
    return Imported.UPDATED;
  }

  /** Writes every article as JSON Lines, by id; returns how many. */
  public int exportJsonLines(Writer out) {
    int[] count = {0};
    try {
      long after = 0;
      for (List<StoredArticle> page = articles.page(after, SCAN_PAGE);
          !page.isEmpty();
          page = articles.page(after, SCAN_PAGE)) {
        for (StoredArticle article : page) {
          out.write(ArticleJsonLines.format(article));
          out.write('\n');
          count[0]++;
        }
        after = page.getLast().id();
      }
      out.flush();
    } catch (IOException e) {
      throw new KnowledgeBaseException("cannot write the export", e);
    }
    return count[0];
  }

  /**
   * Indexes the article as the database holds it now. Reading after the commit, under a per-article
   * lock, means two racing saves can never leave the older one in the index.
   */
  void reindexArticle(long id) {
    synchronized (indexLocks[Math.floorMod(Long.hashCode(id), LOCK_STRIPES)]) {
      try {
        articles
            .find(id)
            .ifPresentOrElse(
                a -> index.upsert(a.toIndexed()), () -> index.delete(Long.toString(id)));
      } catch (RuntimeException e) {
        // The database write stands; synchronizeIndex() repairs the index at the next start.
        log.error("Knowledge-base article {} is saved but could not be indexed", id, e);
      }
    }
  }
}
