package dev.callcenter.ui.kb;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.audit.SecurityAudit;
import dev.callcenter.helpdesk.audit.SecurityEventKind;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import dev.callcenter.kb.article.ArticleDraft;
import dev.callcenter.kb.article.FeedbackKind;
import dev.callcenter.kb.article.RevisionStatus;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.library.ArticleReview;
import dev.callcenter.kb.library.ImportJobs;
import dev.callcenter.kb.library.KnowledgeBaseService;
import dev.callcenter.kb.library.TicketKnowledge;
import dev.callcenter.kb.search.SearchFilters;
import dev.callcenter.kb.search.SearchHit;
import dev.callcenter.kb.search.SearchPage;
import dev.callcenter.kb.search.SearchRequest;
import dev.callcenter.ui.http.Api;
import dev.callcenter.ui.http.TrustedProxies;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knowledge base over HTTP: search (agents, and a public self-service variant), type-ahead,
 * authoring with history, the review of agents' revisions of published articles ({@link
 * ArticleReview} decides who may publish what), feedback, suggestions and drafts for tickets, JSON
 * Lines import/export.
 */
public final class KnowledgeBaseRoutes {

  private static final int MAX_QUERY = 1000;
  private static final int MAX_JOB_WAIT_MS = 2000;

  private final KnowledgeBaseService knowledgeBase;
  private final TicketKnowledge ticketKnowledge;
  private final ArticleReview review;
  private final ImportJobs imports;

  private final SecurityAudit audit;
  private final TrustedProxies proxies;

  public KnowledgeBaseRoutes(
      KnowledgeBaseService knowledgeBase,
      TicketKnowledge ticketKnowledge,
      ArticleReview review,
      ImportJobs imports,
      SecurityAudit audit,
      TrustedProxies proxies) {
    this.imports = imports;
    this.audit = audit;
    this.proxies = proxies;
    this.knowledgeBase = knowledgeBase;
    this.ticketKnowledge = ticketKnowledge;
    this.review = review;
  }

  /** One search hit as the API shows it. */
  public record Hit(
      String id,
      String externalId,
      String title,
      String snippet,
      float score,
      String product,
      Language language,
      String status,
      String visibility) {
    static Hit of(SearchHit h) {
      return new Hit(
          h.articleId(),
          h.externalId() == null || h.externalId().isEmpty() ? null : h.externalId(),
          h.title(),
          h.snippet(),
          h.score(),
          h.product() == null || h.product().isEmpty() ? null : h.product(),
          h.language(),
          h.status(),
          h.visibility());
    }
  }

  /** A page of hits. */
  public record Hits(List<Hit> hits, long total, int page) {
    static Hits of(SearchPage page) {
      return new Hits(page.hits().stream().map(Hit::of).toList(), page.totalHits(), page.page());
    }
  }

  /** Body of an edit: the version edited and the new content. */
  public record ArticleEdit(Integer version, ArticleDraft article) {
    public ArticleEdit {
      Fields.notNull("version", version);
      Fields.notNull("article", article);
    }
  }

  /** Body of a rejection: what the revision's author should know. */
  public record ReviewNote(String note) {
    public ReviewNote {
      note = Fields.optional("note", note, ArticleReview.MAX_NOTE);
    }
  }

  /** Body of feedback on an article. */
  public record Feedback(FeedbackKind kind, Long ticketId) {
    public Feedback {
      Fields.notNull("kind", kind);
      if (ticketId != null) {
        Fields.positive("ticketId", ticketId);
      }
    }
  }

  /** Body of "suggest for a problem" (the screen pop, before there is a ticket). */
  public record ProblemQuery(
      String title, String description, String ivrChoice, String product, String version) {}

  /** Routes open without login: the customers' self-service search and type-ahead. */
  public void mountPublic(Router router) {
    router
        .route(HttpMethod.GET, "/api/v1/kb/public/search")
        .handler(
            ctx -> Api.respond(ctx, 200, () -> Hits.of(knowledgeBase.searchPublic(request(ctx)))));
    router
        .route(HttpMethod.GET, "/api/v1/kb/public/suggest")
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () ->
                        Map.of(
                            "suggestions",
                            knowledgeBase.suggestPublic(
                                typed(ctx), filters(ctx), Api.queryInt(ctx, "limit", 8, 1, 20)))));
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/search",
        Api.anyone(),
        200,
        ctx -> Hits.of(knowledgeBase.search(request(ctx))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/suggest",
        Api.anyone(),
        200,
        ctx ->
            Map.of(
                "suggestions",
                knowledgeBase.suggest(
                    typed(ctx), filters(ctx), Api.queryInt(ctx, "limit", 8, 1, 20))));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/suggest-for-problem",
        Api.staff(),
        200,
        ctx -> {
          ProblemQuery q = Api.body(ctx, ProblemQuery.class);
          return Map.of(
              "hits",
              ticketKnowledge
                  .suggest(
                      new TicketKnowledge.Problem(
                          q.title(), q.description(), q.ivrChoice(), q.product(), q.version()),
                      Api.queryInt(ctx, "limit", 5, 1, TicketKnowledge.MAX_SUGGESTIONS))
                  .stream()
                  .map(Hit::of)
                  .toList());
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/articles",
        Api.staff(),
        200,
        ctx ->
            Map.of(
                "items",
                knowledgeBase.list(
                    enumParam(ctx, "status", ArticleStatus.class),
                    Api.queryInt(ctx, "limit", 50, 1, KnowledgeBaseService.MAX_LIST))));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/articles",
        Api.staff(),
        201,
        ctx -> review.create(Api.body(ctx, ArticleDraft.class), Api.user(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/articles/:id",
        Api.staff(),
        200,
        ctx -> knowledgeBase.get(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/kb/articles/:id",
        Api.staff(),
        200,
        ctx -> {
          ArticleEdit edit = Api.body(ctx, ArticleEdit.class);
          return switch (review.edit(
              Api.pathId(ctx, "id"), edit.version(), edit.article(), Api.user(ctx))) {
            case ArticleReview.Saved saved -> {
              if (saved.article().status() == ArticleStatus.PUBLISHED) {
                published(ctx, saved.article(), "edited");
              }
              yield new Api.Answer(200, saved.article());
            }
            case ArticleReview.Proposed proposed -> new Api.Answer(202, proposed.revision());
          };
        });
    // Staff reach these; ArticleReview refuses non-editors with kb_publish_forbidden.
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/articles/:id/publish",
        Api.staff(),
        200,
        ctx -> published(ctx, review.publish(Api.pathId(ctx, "id"), Api.user(ctx)), "published"));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/articles/:id/archive",
        Api.staff(),
        200,
        ctx -> {
          StoredArticle archived = review.archive(Api.pathId(ctx, "id"), Api.user(ctx));
          audit(ctx, SecurityEventKind.KB_ARTICLE_UNPUBLISHED, archived, "archived");
          return archived;
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/revisions",
        Api.staff(),
        200,
        ctx ->
            Map.of(
                "items",
                review.revisions(
                    statusParam(ctx),
                    Api.user(ctx),
                    Api.queryInt(ctx, "limit", 50, 1, KnowledgeBaseService.MAX_LIST))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/revisions/:id",
        Api.staff(),
        200,
        ctx -> review.revision(Api.pathId(ctx, "id"), Api.user(ctx)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/revisions/:id/publish",
        Api.staff(),
        200,
        ctx -> {
          long revision = Api.pathId(ctx, "id");
          return published(
              ctx, review.publishRevision(revision, Api.user(ctx)), "revision " + revision);
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/revisions/:id/reject",
        Api.staff(),
        200,
        ctx ->
            review.rejectRevision(
                Api.pathId(ctx, "id"), Api.user(ctx), Api.body(ctx, ReviewNote.class).note()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/articles/:id/history",
        Api.staff(),
        200,
        ctx -> Map.of("items", knowledgeBase.history(Api.pathId(ctx, "id"))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/articles/:id/feedback",
        Api.staff(),
        200,
        ctx -> knowledgeBase.feedbackCounts(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/articles/:id/feedback",
        Api.staff(),
        200,
        ctx -> {
          Feedback f = Api.body(ctx, Feedback.class);
          return ticketKnowledge.feedback(
              Api.pathId(ctx, "id"), f.kind(), f.ticketId(), Api.userId(ctx));
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/tickets/:id/kb-suggestions",
        Api.staff(),
        200,
        ctx ->
            Map.of(
                "hits",
                ticketKnowledge
                    .suggestForTicket(
                        Api.pathId(ctx, "id"),
                        Api.queryInt(ctx, "limit", 5, 1, TicketKnowledge.MAX_SUGGESTIONS))
                    .stream()
                    .map(Hit::of)
                    .toList()));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/tickets/:id/kb-draft",
        Api.staff(),
        201,
        ctx -> ticketKnowledge.draftFromTicket(Api.pathId(ctx, "id"), Api.userId(ctx)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/import",
        Api.managers(),
        200,
        ctx ->
            knowledgeBase.importJsonLines(
                new BufferedReader(new StringReader(Api.text(ctx, "application/x-ndjson"))),
                Api.userId(ctx)));
    // The same import as a background job, for large files: progress, then the report; cancel
    // stops it between two batches (what was stored stays, in the database and the index).
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/kb/import-jobs",
        Api.managers(),
        202,
        ctx -> {
          String body = Api.text(ctx, "application/x-ndjson");
          return imports.start(() -> new BufferedReader(new StringReader(body)), Api.userId(ctx));
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/import-jobs",
        Api.managers(),
        200,
        ctx -> Map.of("jobs", imports.list()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/kb/import-jobs/:id",
        Api.managers(),
        200,
        ctx -> {
          String id = jobId(ctx);
          // ?wait=ms: answer when the job ends or after that long, for progress without polling.
          int wait = Api.queryInt(ctx, "wait", 0, 0, MAX_JOB_WAIT_MS);
          return wait == 0 ? imports.get(id) : imports.await(id, wait);
        });
    Api.route(
        router,
        HttpMethod.DELETE,
        "/api/v1/kb/import-jobs/:id",
        Api.managers(),
        202,
        ctx -> imports.cancel(jobId(ctx)));
    router.route(HttpMethod.GET, "/api/v1/kb/export").handler(Api.managers()).handler(this::export);
  }

  private void export(RoutingContext ctx) {
    ctx.vertx()
        .executeBlocking(
            () -> {
              StringWriter out = new StringWriter();
              knowledgeBase.exportJsonLines(out);
              return out.toString();
            },
            false)
        .onSuccess(
            text ->
                ctx.response()
                    .putHeader("Content-Type", "application/x-ndjson; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(text))
        .onFailure(ctx::fail);
  }

  /** An import job's id: a UUID. */
  private static String jobId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    try {
      return java.util.UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw new ValidationException("id", "not an import job id");
    }
  }

  private static SearchRequest request(RoutingContext ctx) {
    String q = Api.query(ctx, "q", MAX_QUERY);
    int limit = Api.queryInt(ctx, "limit", 10, 1, SearchRequest.MAX_PAGE_SIZE);
    int page = Api.queryInt(ctx, "page", 0, 0, SearchRequest.MAX_DEPTH / limit - 1);
    return new SearchRequest(q, filters(ctx), page, limit);
  }

  private static String typed(RoutingContext ctx) {
    String q = Api.query(ctx, "q", 200);
    return q == null ? "" : q;
  }

  private static SearchFilters filters(RoutingContext ctx) {
    String language = Api.query(ctx, "language", 10);
    Language lang;
    try {
      lang = language == null || language.isBlank() ? null : Language.ofTag(language);
    } catch (RuntimeException e) {
      throw new ValidationException("language", "must be en, zh-TW or zh-CN");
    }
    return new SearchFilters(
        blankToNull(Api.query(ctx, "product", ArticleDraft.MAX_LABEL)),
        lang,
        enumParam(ctx, "visibility", Visibility.class),
        enumParam(ctx, "status", ArticleStatus.class),
        blankToNull(Api.query(ctx, "version", ArticleDraft.MAX_LABEL)));
  }

  /** The revisions' status filter: PENDING unless asked otherwise, {@code any} for all. */
  private static RevisionStatus statusParam(RoutingContext ctx) {
    String raw = blankToNull(Api.query(ctx, "status", 40));
    return raw == null
        ? RevisionStatus.PENDING
        : raw.equalsIgnoreCase("any") ? null : enumParam(ctx, "status", RevisionStatus.class);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <E extends Enum<E>> E enumParam(RoutingContext ctx, String name, Class<E> type) {
    String raw = blankToNull(Api.query(ctx, name, 40));
    if (raw == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(name, "unknown value " + raw);
    }
  }

  /** Records who made what public, from where; returns the article. */
  private StoredArticle published(RoutingContext ctx, StoredArticle article, String how) {
    audit(ctx, SecurityEventKind.KB_ARTICLE_PUBLISHED, article, how);
    return article;
  }

  private void audit(
      RoutingContext ctx, SecurityEventKind kind, StoredArticle article, String how) {
    var user = Api.user(ctx);
    audit.record(
        kind,
        new SecurityAudit.Actor(user.id(), user.username(), proxies.clientAddress(ctx.request())),
        Map.of(
            "articleId", Long.toString(article.id()),
            "version", Integer.toString(article.version()),
            "visibility", String.valueOf(article.content().visibility()),
            "how", how));
  }
}
