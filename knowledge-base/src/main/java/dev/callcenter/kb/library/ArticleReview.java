package dev.callcenter.kb.library;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ForbiddenException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Visibility;
import dev.callcenter.kb.article.ArticleDraft;
import dev.callcenter.kb.article.ArticleRepository;
import dev.callcenter.kb.article.ArticleRevision;
import dev.callcenter.kb.article.RevisionRepository;
import dev.callcenter.kb.article.RevisionStatus;
import dev.callcenter.kb.article.StoredArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may change what readers of the knowledge base see, and the review of changes proposed by
 * those who may not. Editors (supervisors and admins) publish, archive, set visibility and edit any
 * article. Everyone else writes drafts: they create and edit internal, unpublished articles
 * directly, and their edit of a published or public article becomes a pending {@link
 * ArticleRevision}, the live text unchanged, until an editor publishes it (its content replaces the
 * article's, re-indexed at once) or rejects it. A forbidden change is {@code kb_publish_forbidden}.
 */
public final class ArticleReview {

  private static final Logger log = LoggerFactory.getLogger(ArticleReview.class);

  /** The roles that decide what is published and who may read it. */
  public static final Set<Role> EDITORS = Set.of(Role.SUPERVISOR, Role.ADMIN);

  public static final int MAX_NOTE = 5000;

  private final KnowledgeBaseService knowledgeBase;
  private final ArticleRepository articles;
  private final RevisionRepository revisions;
  private final Transactions transactions;
  private final Clock clock;

  public ArticleReview(
      KnowledgeBaseService knowledgeBase,
      ArticleRepository articles,
      RevisionRepository revisions,
      Transactions transactions,
      Clock clock) {
    this.knowledgeBase = knowledgeBase;
    this.articles = articles;
    this.revisions = revisions;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What became of an edit. */
  public sealed interface Edit {}

  /** The edit is the article's new version, live at once. */
  public record Saved(StoredArticle article) implements Edit {}

  /** The edit waits for an editor's review; the article is unchanged. */
  public record Proposed(ArticleRevision revision) implements Edit {}

  public static boolean isEditor(User user) {
    return user.hasAnyRole(EDITORS);
  }

  /**
   * Creates a DRAFT article. Only editors may create it PUBLIC.
   *
   * @throws ForbiddenException {@code kb_publish_forbidden} when anyone else asks for PUBLIC
   */
  public StoredArticle create(ArticleDraft content, User author) {
    if (!isEditor(author) && content.visibility() != Visibility.INTERNAL) {
      throw forbidden("make an article public", Map.of("field", "visibility"));
    }
    return knowledgeBase.create(content, author.id());
  }

  /**
   * Saves an edit made on {@code expectedVersion}: directly when the author is an editor or the
   * article is an internal one not published, otherwise as the author's pending revision (which
   * replaces the one they had pending on this article).
   *
   * @throws ConflictException {@code kb_article_version_conflict} when the article has moved on
   * @throws ForbiddenException {@code kb_publish_forbidden} when a non-editor changes visibility
   */
  public Edit edit(long id, int expectedVersion, ArticleDraft content, User author) {
    StoredArticle current = knowledgeBase.get(id);
    if (isEditor(author)) {
      return new Saved(knowledgeBase.update(id, expectedVersion, content, author.id()));
    }
    if (current.version() != expectedVersion) {
      throw KnowledgeBaseService.versionConflict(id, expectedVersion);
    }
    if (content.visibility() != current.content().visibility()) {
      throw forbidden(
          "change who can read an article",
          Map.of("field", "visibility", "visibility", current.content().visibility().name()));
    }
    // The update re-checks the version, so an article published since it was read refuses it.
    if (current.status() != ArticleStatus.PUBLISHED
        && current.content().visibility() == Visibility.INTERNAL) {
      return new Saved(knowledgeBase.update(id, expectedVersion, content, author.id()));
    }
    long revision =
        revisions.savePending(id, expectedVersion, content, author.id(), clock.instant());
    log.info(
        "Knowledge-base article {} has pending revision {} by {} for review",
        id,
        revision,
        author.id());
    return new Proposed(revisions.find(revision).orElseThrow());
  }

  /** Publishes the article (editors only); customers see it if it is also PUBLIC. */
  public StoredArticle publish(long id, User editor) {
    requireEditor(editor, "publish an article");
    return knowledgeBase.publish(id, editor.id());
  }

  /** Takes the article out of publication (editors only). */
  public StoredArticle archive(long id, User editor) {
    requireEditor(editor, "archive an article");
    return knowledgeBase.archive(id, editor.id());
  }

  /**
   * Revisions in this status (any when null): every author's for editors, the reader's own for
   * anyone else. Pending ones come oldest first, the order to review them in.
   */
  public List<ArticleRevision> revisions(RevisionStatus status, User reader, int limit) {
    return revisions.list(
        status,
        isEditor(reader) ? null : reader.id(),
        Math.clamp(limit, 1, KnowledgeBaseService.MAX_LIST));
  }

  /**
   * One revision: any for editors, their own for anyone else.
   *
   * @throws NotFoundException {@code kb_revision_not_found} also for another author's revision
   */
  public ArticleRevision revision(long id, User reader) {
    return revisions
        .find(id)
        .filter(r -> isEditor(reader) || r.authorId() == reader.id())
        .orElseThrow(() -> new NotFoundException("kb_revision", id));
  }

  /**
   * Makes a pending revision live (editors only): its content becomes the article's new version,
   * with the article's status kept, and the index follows.
   *
   * @throws ConflictException {@code kb_revision_not_pending} when it was reviewed already, {@code
   *     kb_revision_stale} when the article changed after the author's edit
   */
  public StoredArticle publishRevision(long id, User editor) {
    requireEditor(editor, "publish a revision");
    long articleId =
        transactions.inTransaction(
            () -> {
              ArticleRevision revision = pending(id);
              StoredArticle current = knowledgeBase.get(revision.articleId());
              Instant now = clock.instant();
              if (current.version() != revision.baseVersion()
                  || !articles.update(
                      current.id(),
                      revision.baseVersion(),
                      revision.content(),
                      current.status(),
                      "revision " + id + " published",
                      editor.id(),
                      now)) {
                throw new ConflictException(
                    "kb_revision_stale",
                    "article %d changed since revision %d was written on version %d; reject it"
                            .formatted(current.id(), id, revision.baseVersion())
                        + " and edit the current version",
                    Map.of(
                        "id", id,
                        "articleId", current.id(),
                        "baseVersion", revision.baseVersion(),
                        "articleVersion", current.version()));
              }
              if (!revisions.close(
                  id,
                  RevisionStatus.PUBLISHED,
                  editor.id(),
                  null,
                  revision.baseVersion() + 1,
                  now)) {
                // Reviewed by someone else meanwhile: this throws, and the update is rolled back.
                pending(id);
              }
              return current.id();
            });
    log.info(
        "Knowledge-base revision {} of article {} published by {}", id, articleId, editor.id());
    knowledgeBase.reindexArticle(articleId);
    return knowledgeBase.get(articleId);
  }

  /**
   * Turns a pending revision down (editors only); the article stays as it is.
   *
   * @param note what the author should know (optional)
   */
  public ArticleRevision rejectRevision(long id, User editor, String note) {
    requireEditor(editor, "reject a revision");
    String why = Fields.optional("note", note, MAX_NOTE);
    transactions.run(
        () -> {
          if (!revisions.close(
              id, RevisionStatus.REJECTED, editor.id(), why, null, clock.instant())) {
            pending(id);
          }
        });
    log.info("Knowledge-base revision {} rejected by {}", id, editor.id());
    return revisions.find(id).orElseThrow();
  }

  private ArticleRevision pending(long id) {
    ArticleRevision revision =
        revisions.find(id).orElseThrow(() -> new NotFoundException("kb_revision", id));
    if (revision.status() != RevisionStatus.PENDING) {
      throw new ConflictException(
          "kb_revision_not_pending",
          "revision "
              + id
              + " was "
              + revision.status().name().toLowerCase(Locale.ROOT)
              + " already",
          Map.of("id", id, "status", revision.status().name()));
    }
    return revision;
  }

  private static void requireEditor(User user, String what) {
    if (!isEditor(user)) {
      throw forbidden(what, Map.of());
    }
  }

  private static ForbiddenException forbidden(String what, Map<String, Object> details) {
    return new ForbiddenException(
        "kb_publish_forbidden",
        "Only supervisors and admins may "
            + what
            + "; an agent's edit of a published or public article is kept as a revision for them"
            + " to review",
        details);
  }
}
