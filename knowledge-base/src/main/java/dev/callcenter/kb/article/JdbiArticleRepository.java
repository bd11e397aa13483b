package dev.callcenter.kb.article;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.kb.ArticleStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/** {@link ArticleRepository} on PostgreSQL through Jdbi. */
public final class JdbiArticleRepository implements ArticleRepository {

  private final ArticleDao dao;

  public JdbiArticleRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(ArticleDao.class);
  }

  @Override
  public long insert(
      ArticleDraft c,
      ArticleStatus status,
      Long sourceTicketId,
      String change,
      Long by,
      Instant at) {
    try {
      long id = dao.insert(c, status.name(), sourceTicketId, by, at);
      dao.snapshot(id, change, by, at);
      return id;
    } catch (UnableToExecuteStatementException e) {
      throw translated(e, c, sourceTicketId);
    }
  }

  @Override
  public boolean update(
      long id,
      int expectedVersion,
      ArticleDraft c,
      ArticleStatus status,
      String change,
      Long by,
      Instant at) {
    try {
      int updated = dao.update(id, expectedVersion, c, status.name(), by, at);
      if (updated == 1) {
        dao.snapshot(id, change, by, at);
      }
      return updated == 1;
    } catch (UnableToExecuteStatementException e) {
      throw translated(e, c, null);
    }
  }

  @Override
  public long[] writeAll(List<Write> writes, String change, Long by, Instant at) {
    List<Write> inserts = writes.stream().filter(Write::isNew).toList();
    List<Write> updates = writes.stream().filter(w -> !w.isNew()).toList();
    long[] inserted = new long[0];
    int[] updated = new int[0];
    try {
      if (!inserts.isEmpty()) {
        inserted = insertRows(inserts, by, at);
      }
      if (!updates.isEmpty()) {
        updated =
            dao.updateAll(
                updates.stream().map(Write::id).toList(),
                updates.stream().map(Write::expectedVersion).toList(),
                updates.stream().map(Write::content).toList(),
                updates.stream().map(w -> w.status().name()).toList(),
                Collections.nCopies(updates.size(), by),
                Collections.nCopies(updates.size(), at));
      }
    } catch (UnableToExecuteStatementException e) {
      throw translated(
          e, inserts.isEmpty() ? updates.getFirst().content() : inserts.getFirst().content(), null);
    }
    long[] ids = new long[writes.size()];
    int nextInsert = 0;
    int nextUpdate = 0;
    for (int i = 0; i < ids.length; i++) {
      Write w = writes.get(i);
      ids[i] = w.isNew() ? inserted[nextInsert++] : updated[nextUpdate++] == 1 ? w.id() : 0;
    }
    long[] written = Arrays.stream(ids).filter(id -> id != 0).toArray();
    if (written.length > 0) {
      dao.snapshotAll(written, change, by, at);
    }
    return ids;
  }

  /**
   * Inserts the new articles with one statement (a JDBC batch of single-row inserts returning their
   * keys cost about 0.1 ms a row, most of a bulk import's database time); ids in order.
   */
  private long[] insertRows(List<Write> inserts, Long by, Instant at) {
    int n = inserts.size();
    long[] ids = dao.nextIds(n).stream().mapToLong(Long::longValue).toArray();
    String[][] columns = new String[12][n];
    for (int i = 0; i < n; i++) {
      ArticleDraft c = inserts.get(i).content();
      columns[0][i] = c.externalId();
      columns[1][i] = c.title();
      columns[2][i] = c.symptom();
      columns[3][i] = c.cause();
      columns[4][i] = c.resolution();
      columns[5][i] = c.product();
      columns[6][i] = arrayLiteral(c.versions());
      columns[7][i] = c.fixedInVersion();
      columns[8][i] = arrayLiteral(c.tags());
      columns[9][i] = c.language().tag();
      columns[10][i] = c.visibility().name();
      columns[11][i] = inserts.get(i).status().name();
    }
    dao.insertRows(
        ids,
        columns[0],
        columns[1],
        columns[2],
        columns[3],
        columns[4],
        columns[5],
        columns[6],
        columns[7],
        columns[8],
        columns[9],
        columns[10],
        columns[11],
        by,
        at);
    return ids;
  }

  /** A PostgreSQL array literal of these strings, each quoted: {"a","b \"c\""}. */
  static String arrayLiteral(List<String> values) {
    StringBuilder literal = new StringBuilder("{");
    for (String value : values) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      literal.append('"');
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        if (ch == '"' || ch == '\\') {
          literal.append('\\');
        }
        literal.append(ch);
      }
      literal.append('"');
    }
    return literal.append('}').toString();
  }

  @Override
  public Map<String, StoredArticle> findByExternalIds(Collection<String> externalIds) {
    Map<String, StoredArticle> found = new HashMap<>();
    if (!externalIds.isEmpty()) {
      dao.findByExternalIds(externalIds.toArray(String[]::new))
          .forEach(a -> found.put(a.content().externalId(), a));
    }
    return found;
  }

  private static RuntimeException translated(
      UnableToExecuteStatementException e, ArticleDraft c, Long sourceTicketId) {
    if (e.getCause() instanceof PSQLException sql && sql.getServerErrorMessage() != null) {
      String constraint = sql.getServerErrorMessage().getConstraint();
      if ("23505".equals(sql.getSQLState()) && "kb_article_external_id_key".equals(constraint)) {
        return new ConflictException(
            "kb_external_id_taken",
            "another article already has the external id " + c.externalId(),
            Map.of("externalId", c.externalId()));
      }
      if ("23503".equals(sql.getSQLState())
          && "kb_article_source_ticket_id_fkey".equals(constraint)) {
        return new ValidationException(
            "sourceTicketId", "ticket " + sourceTicketId + " does not exist");
      }
    }
    return e;
  }

  @Override
  public Optional<StoredArticle> find(long id) {
    return dao.find(id);
  }

  @Override
  public Optional<StoredArticle> findByExternalId(String externalId) {
    return dao.findByExternalId(externalId);
  }

  @Override
  public List<StoredArticle> page(long afterId, int limit) {
    return dao.page(afterId, limit);
  }

  @Override
  public List<StoredArticle> list(ArticleStatus status, int limit) {
    return dao.list(status == null ? null : status.name(), limit);
  }

  @Override
  public Map<Long, Integer> versions() {
    Map<Long, Integer> versions = new HashMap<>();
    dao.versions().forEach(v -> versions.put(v.id(), v.count()));
    return versions;
  }

  @Override
  public List<ArticleVersion> history(long id) {
    return dao.history(id);
  }

  @Override
  public boolean addFeedback(
      long articleId, FeedbackKind kind, Long ticketId, Long userId, Instant at) {
    return dao.addFeedback(articleId, kind.name(), ticketId, userId, at) == 1;
  }

  @Override
  public FeedbackCounts feedbackCounts(long articleId) {
    return dao.feedbackCounts(articleId);
  }

  @Override
  public Map<Long, Integer> solvedCounts() {
    Map<Long, Integer> counts = new HashMap<>();
    dao.solvedCounts().forEach(c -> counts.put(c.id(), c.count()));
    return counts;
  }

  @Override
  public List<Long> solvedBy(long ticketId) {
    return dao.solvedBy(ticketId);
  }
}
