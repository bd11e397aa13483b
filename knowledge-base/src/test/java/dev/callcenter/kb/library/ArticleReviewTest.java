package dev.callcenter.kb.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.ForbiddenException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.testing.TestDatabase;
import dev.callcenter.helpdesk.user.JdbiUserRepository;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import dev.callcenter.kb.article.ArticleDraft;
import dev.callcenter.kb.article.ArticleRevision;
import dev.callcenter.kb.article.ArticleVersion;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.article.JdbiRevisionRepository;
import dev.callcenter.kb.article.RevisionStatus;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.search.SearchHit;
import dev.callcenter.kb.search.SearchRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only supervisors and admins decide what is published and who may read it; an agent's edit of a
 * published or public article waits for their review while the live text stays.
 */
class ArticleReviewTest {

  @TempDir Path temp;

  private Database db;
  private KnowledgeIndex index;
  private KnowledgeBaseService service;
  private ArticleReview review;
  private User agent;
  private User otherAgent;
  private User supervisor;

  @BeforeEach
  void setUp() {
    db = TestDatabase.fresh(4);
    var users = new JdbiUserRepository(db.jdbi());
    agent = user(users, "agent", Role.AGENT);
    otherAgent = user(users, "other", Role.AGENT);
    supervisor = user(users, "boss", Role.SUPERVISOR);
    var articles = new JdbiArticleRepository(db.jdbi());
    var transactions = new JdbiTransactions(db.jdbi());
    index =
        KnowledgeIndex.openOrRecreate(
            temp.resolve("index"), SearchConfig.DEFAULTS, Embedders.disabled());
    service = new KnowledgeBaseService(articles, transactions, index, Clock.systemUTC());
    review =
        new ArticleReview(
            service,
            articles,
            new JdbiRevisionRepository(db.jdbi()),
            transactions,
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    index.close();
    db.close();
  }

  private static User user(JdbiUserRepository users, String name, Role role) {
    long id = users.upsert(name, name, "not-a-hash", Set.of(role), "en");
    return users.find(id).orElseThrow();
  }

  private static ArticleDraft draft(String title, String resolution, Visibility visibility) {
    return new ArticleDraft(
        title,
        null,
        null,
        resolution,
        "router",
        List.of(),
        null,
        List.of(),
        Language.EN,
        visibility,
        null);
  }

  /** A PUBLIC article a supervisor wrote and published. */
  private StoredArticle livePublicArticle() {
    StoredArticle created =
        review.create(
            draft("Router keeps rebooting", "Replace the power supply.", Visibility.PUBLIC),
            supervisor);
    return review.publish(created.id(), supervisor);
  }

  private List<String> publicResolutions(String query) {
    index.refreshNow();
    return service.searchPublic(SearchRequest.of(query)).hits().stream()
        .map(SearchHit::articleId)
        .map(id -> service.get(Long.parseLong(id)).content().resolution())
        .toList();
  }

  private static void assertForbidden(Runnable action) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("kb_publish_forbidden"));
  }

  @Test
  void anAgentsEditOfAPublishedArticleWaitsForReviewAndTheLiveTextStays() {
    StoredArticle live = livePublicArticle();
    ArticleDraft edit =
        draft(
            "Router keeps rebooting",
            "Call 0800 000 123 and read out your card.",
            Visibility.PUBLIC);

    ArticleReview.Edit result = review.edit(live.id(), live.version(), edit, agent);

    ArticleRevision pending = ((ArticleReview.Proposed) result).revision();
    assertThat(pending.status()).isEqualTo(RevisionStatus.PENDING);
    assertThat(pending.authorId()).isEqualTo(agent.id());
    assertThat(pending.baseVersion()).isEqualTo(live.version());
    assertThat(pending.content()).isEqualTo(edit);
    assertThat(service.get(live.id())).isEqualTo(live);
    assertThat(publicResolutions("router rebooting")).containsExactly("Replace the power supply.");

    StoredArticle published = review.publishRevision(pending.id(), supervisor);

    assertThat(published.content()).isEqualTo(edit);
    assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(published.version()).isEqualTo(live.version() + 1);
    assertThat(service.history(live.id()))
        .last()
        .satisfies(
            v -> {
              assertThat(v.change()).isEqualTo("revision " + pending.id() + " published");
              assertThat(v.authorId()).isEqualTo(supervisor.id());
            });
    assertThat(review.revision(pending.id(), agent))
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(RevisionStatus.PUBLISHED);
              assertThat(r.reviewedBy()).isEqualTo(supervisor.id());
              assertThat(r.publishedVersion()).isEqualTo(published.version());
            });
    assertThat(publicResolutions("router rebooting"))
        .containsExactly("Call 0800 000 123 and read out your card.");
  }

  @Test
  void anEditOfAPublicDraftOrAPublishedInternalArticleIsProposedToo() {
    StoredArticle publicDraft =
        review.create(draft("Fax tone", "Unplug it.", Visibility.PUBLIC), supervisor);
    StoredArticle internalLive =
        review.publish(
            review.create(draft("Fax paper", "Refill.", Visibility.INTERNAL), agent).id(),
            supervisor);

    assertThat(
            review.edit(
                publicDraft.id(),
                1,
                draft("Fax tone", "Unplug it twice.", Visibility.PUBLIC),
                agent))
        .isInstanceOf(ArticleReview.Proposed.class);
    assertThat(
            review.edit(
                internalLive.id(),
                internalLive.version(),
                draft("Fax paper", "Refill the tray.", Visibility.INTERNAL),
                agent))
        .isInstanceOf(ArticleReview.Proposed.class);

    assertThat(service.get(publicDraft.id())).isEqualTo(publicDraft);
    assertThat(service.get(internalLive.id())).isEqualTo(internalLive);
  }

  @Test
  void agentsWriteInternalDraftsDirectly() {
    StoredArticle created =
        review.create(draft("Modem blinks", "Reset it.", Visibility.INTERNAL), agent);
    ArticleDraft better = draft("Modem blinks red", "Hold reset for 10 s.", Visibility.INTERNAL);

    ArticleReview.Edit result = review.edit(created.id(), 1, better, agent);

    assertThat(result).isInstanceOf(ArticleReview.Saved.class);
    assertThat(service.get(created.id()).content()).isEqualTo(better);
    assertThat(review.revisions(null, supervisor, 10)).isEmpty();
  }

  @Test
  void onlyEditorsPublishArchiveOrChangeWhoCanRead() {
    StoredArticle draft =
        review.create(draft("Phone dead", "Check the cable.", Visibility.INTERNAL), agent);
    StoredArticle live = livePublicArticle();

    assertForbidden(() -> review.create(draft("Public by agent", "x", Visibility.PUBLIC), agent));
    assertForbidden(
        () ->
            review.edit(
                draft.id(), 1, draft("Phone dead", "Check the cable.", Visibility.PUBLIC), agent));
    assertForbidden(
        () ->
            review.edit(
                live.id(),
                live.version(),
                draft("Router keeps rebooting", "internal now", Visibility.INTERNAL),
                agent));
    assertForbidden(() -> review.publish(draft.id(), agent));
    assertForbidden(() -> review.archive(live.id(), agent));

    assertThat(service.get(draft.id())).isEqualTo(draft);
    assertThat(service.get(live.id())).isEqualTo(live);
    assertThat(review.revisions(null, supervisor, 10)).isEmpty();
    assertThat(service.list(null, 10))
        .extracting(a -> a.content().title())
        .doesNotContain("Public by agent");
    // The same changes are the editors' to make.
    assertThat(review.publish(draft.id(), supervisor).status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(
            review.edit(
                live.id(),
                live.version(),
                draft("Router keeps rebooting", "internal now", Visibility.INTERNAL),
                supervisor))
        .isInstanceOf(ArticleReview.Saved.class);
  }

  @Test
  void anAuthorSeesOnlyTheirOwnRevisionsAndEditingAgainReplacesTheirPendingOne() {
    StoredArticle live = livePublicArticle();
    ArticleRevision first =
        proposed(
            review.edit(live.id(), live.version(), draft("R", "first", Visibility.PUBLIC), agent));
    ArticleRevision theirs =
        proposed(
            review.edit(
                live.id(), live.version(), draft("R", "other's", Visibility.PUBLIC), otherAgent));
    ArticleRevision second =
        proposed(
            review.edit(live.id(), live.version(), draft("R", "second", Visibility.PUBLIC), agent));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.content().resolution()).isEqualTo("second");
    assertThat(review.revisions(RevisionStatus.PENDING, agent, 10))
        .extracting(ArticleRevision::id)
        .containsExactly(first.id());
    assertThat(review.revisions(RevisionStatus.PENDING, supervisor, 10))
        .extracting(ArticleRevision::id)
        .containsExactly(first.id(), theirs.id());
    assertThatThrownBy(() -> review.revision(theirs.id(), agent))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("kb_revision_not_found"));
    assertThat(review.revision(theirs.id(), otherAgent).content().resolution())
        .isEqualTo("other's");
    assertForbidden(() -> review.publishRevision(first.id(), agent));
    assertForbidden(() -> review.rejectRevision(theirs.id(), agent, "no"));
    assertThat(service.get(live.id())).isEqualTo(live);
  }

  @Test
  void aRevisionOfAnOlderVersionCannotBePublishedAndRejectingLeavesTheArticle() {
    StoredArticle live = livePublicArticle();
    ArticleRevision pending =
        proposed(
            review.edit(
                live.id(), live.version(), draft("R", "agent's fix", Visibility.PUBLIC), agent));
    StoredArticle moved =
        ((ArticleReview.Saved)
                review.edit(
                    live.id(),
                    live.version(),
                    draft("Router keeps rebooting", "editor's fix", Visibility.PUBLIC),
                    supervisor))
            .article();

    assertThatThrownBy(() -> review.publishRevision(pending.id(), supervisor))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("kb_revision_stale"));
    assertThat(service.get(live.id())).isEqualTo(moved);
    assertThat(review.revision(pending.id(), supervisor).status())
        .isEqualTo(RevisionStatus.PENDING);

    ArticleRevision rejected = review.rejectRevision(pending.id(), supervisor, "fixed meanwhile");

    assertThat(rejected.status()).isEqualTo(RevisionStatus.REJECTED);
    assertThat(rejected.reviewNote()).isEqualTo("fixed meanwhile");
    assertThat(rejected.publishedVersion()).isNull();
    assertThat(service.get(live.id())).isEqualTo(moved);
    assertThat(service.history(live.id()))
        .extracting(ArticleVersion::change)
        .doesNotContain("revision " + pending.id() + " published");
    assertThatThrownBy(() -> review.publishRevision(pending.id(), supervisor))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("kb_revision_not_pending"));
    assertThat(review.revisions(RevisionStatus.REJECTED, agent, 10))
        .extracting(ArticleRevision::id)
        .containsExactly(pending.id());
  }

  @Test
  void anAgentsEditOfAnOldVersionIsAConflictNotARevision() {
    StoredArticle live = livePublicArticle();

    assertThatThrownBy(
            () ->
                review.edit(
                    live.id(), live.version() - 1, draft("R", "x", Visibility.PUBLIC), agent))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("kb_article_version_conflict"));
    assertThat(review.revisions(null, supervisor, 10)).isEmpty();
  }

  private static ArticleRevision proposed(ArticleReview.Edit edit) {
    assertThat(edit).isInstanceOf(ArticleReview.Proposed.class);
    return ((ArticleReview.Proposed) edit).revision();
  }
}
