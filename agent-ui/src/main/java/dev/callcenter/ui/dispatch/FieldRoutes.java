package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchService;
import dev.callcenter.helpdesk.dispatch.field.Attachment;
import dev.callcenter.helpdesk.dispatch.field.FieldAction;
import dev.callcenter.helpdesk.dispatch.field.FieldActionResult;
import dev.callcenter.helpdesk.dispatch.field.FieldActionType;
import dev.callcenter.helpdesk.dispatch.field.FieldWork;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.library.KnowledgeBaseService;
import dev.callcenter.kb.library.TicketKnowledge;
import dev.callcenter.ui.http.Api;
import dev.callcenter.ui.http.TrustedProxies;
import dev.callcenter.ui.http.UnsupportedMediaTypeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's phone page's API: their day's route with everything needed on site, field
 * actions under idempotency keys, photo and signature uploads, the KB articles for an order's
 * fault; and, when the last visit of a ticket resolves it, the KB draft offered from the ticket.
 */
public final class FieldRoutes {

  private static final Logger log = LoggerFactory.getLogger(FieldRoutes.class);

  private final FieldWork field;
  private final DispatchService dispatch;
  private final TicketKnowledge ticketKnowledge;
  private final KnowledgeBaseService knowledgeBase;
  private final TrustedProxies proxies;
  private final ZoneId zone;
  private final Clock clock;

  public FieldRoutes(
      FieldWork field,
      DispatchService dispatch,
      TicketKnowledge ticketKnowledge,
      KnowledgeBaseService knowledgeBase,
      TrustedProxies proxies,
      ZoneId zone,
      Clock clock) {
    this.field = field;
    this.dispatch = dispatch;
    this.ticketKnowledge = ticketKnowledge;
    this.knowledgeBase = knowledgeBase;
    this.proxies = proxies;
    this.zone = zone;
    this.clock = clock;
  }

  /** A KB article as a technician reads it on site: published text only. */
  public record FieldArticle(
      long id, String title, String symptom, String cause, String resolution, String product) {
    static FieldArticle of(StoredArticle a) {
      var c = a.content();
      return new FieldArticle(
          a.id(), c.title(), c.symptom(), c.cause(), c.resolution(), c.product());
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/my-day",
        Api.roles(Role.TECHNICIAN),
        200,
        ctx -> {
          LocalDate day = day(ctx);
          return Map.of("day", day.toString(), "items", field.day(day, zone, actor(ctx)));
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/orders/:id/sheet",
        Api.anyone(),
        200,
        ctx -> field.sheet(Api.pathId(ctx, "id"), actor(ctx)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders/:id/actions",
        Api.roles(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN),
        201,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          // Someone else's order is a 404 before the body is looked at.
          field.requireReachable(id, actor(ctx));
          FieldActionResult r = field.record(id, Api.body(ctx, FieldAction.class), actor(ctx));
          if (r.type() == FieldActionType.COMPLETED && !r.replayed()) {
            offerKbDraft(id, actor(ctx));
          }
          return new Api.Answer(r.replayed() ? 200 : 201, r);
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders/:id/attachments",
        Api.roles(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN),
        201,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          field.requireReachable(id, actor(ctx));
          String type = contentType(ctx);
          UUID key = uuid(Api.query(ctx, "key", 40), "key");
          Attachment.Kind kind =
              Api.parseEnum(
                  "kind", required(Api.query(ctx, "kind", 20), "kind"), Attachment.Kind.class);
          Buffer body = ctx.body().buffer();
          byte[] bytes = body == null ? new byte[0] : body.getBytes();
          return field.upload(id, key, kind, type, bytes, actor(ctx));
        });
    router
        .route(HttpMethod.GET, "/api/v1/dispatch/orders/:id/attachments/:attachmentId")
        .handler(Api.roles(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN))
        .handler(this::image);
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/dispatch-orders",
        Api.staff(),
        200,
        ctx -> Map.of("items", field.visitsOf(Api.pathId(ctx, "id"))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/orders/:id/kb-suggestions",
        Api.anyone(),
        200,
        ctx -> {
          DispatchOrder o = dispatch.get(Api.pathId(ctx, "id"), actor(ctx));
          List<FieldArticle> articles =
              ticketKnowledge
                  .suggestForTicket(o.ticketId(), Api.queryInt(ctx, "limit", 5, 1, 20))
                  .stream()
                  .map(h -> knowledgeBase.get(Long.parseLong(h.articleId())))
                  .filter(a -> a.status() == ArticleStatus.PUBLISHED)
                  .map(FieldArticle::of)
                  .toList();
          return Map.of("items", articles);
        });
  }

  /**
   * A stored receipt photo or signature as the image it is: its own type (checked at upload), never
   * sniffed, never cached (a customer's signature must not stay on a shared or lost phone's disk).
   */
  private void image(RoutingContext ctx) {
    ctx.vertx()
        .executeBlocking(
            () ->
                field.attachment(
                    Api.pathId(ctx, "id"), Api.pathId(ctx, "attachmentId"), actor(ctx)),
            false)
        .onSuccess(
            stored ->
                ctx.response()
                    .putHeader("Content-Type", stored.attachment().contentType())
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Cache-Control", "private, no-store")
                    .putHeader("Content-Disposition", "inline")
                    .end(Buffer.buffer(stored.bytes())))
        .onFailure(ctx::fail);
  }

  /**
   * The ticket this order resolved becomes a draft article for the authors (the existing
   * drafts-from-tickets); a failure leaves the visit completed and is logged.
   */
  private void offerKbDraft(long orderId, Actor actor) {
    var sheet = field.sheet(orderId, actor);
    if (!sheet.closeOut().ticketResolved() || sheet.closeOut().kbArticleId() != null) {
      return;
    }
    try {
      StoredArticle draft =
          ticketKnowledge.draftFromTicket(sheet.order().ticketId(), actor.userId());
      field.kbDraftOffered(orderId, draft.id());
    } catch (RuntimeException e) {
      log.warn(
          "Order {}: no KB draft from ticket {} ({})",
          orderId,
          sheet.order().ticketId(),
          e.toString());
    }
  }

  private static String contentType(RoutingContext ctx) {
    String header = ctx.request().getHeader("Content-Type");
    String type =
        header == null ? "" : header.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!type.equals("image/jpeg") && !type.equals("image/png")) {
      throw new UnsupportedMediaTypeException("image/jpeg or image/png", header);
    }
    return type;
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(name, "is required");
    }
    return value;
  }

  private static UUID uuid(String raw, String name) {
    try {
      return UUID.fromString(required(raw, name).strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException(name, "must be a UUID");
    }
  }

  private LocalDate day(RoutingContext ctx) {
    String day = Api.query(ctx, "day", 10);
    if (day == null || day.isBlank()) {
      return LocalDate.now(clock.withZone(zone));
    }
    try {
      return LocalDate.parse(day.strip());
    } catch (DateTimeParseException e) {
      throw new ValidationException("day", "must be a date like 2026-03-02");
    }
  }

  private Actor actor(RoutingContext ctx) {
    return new Actor(Api.user(ctx), proxies.clientAddress(ctx.request()));
  }
}
