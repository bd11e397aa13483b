package dev.callcenter.ui.http;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.Session;
import dev.callcenter.helpdesk.user.User;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * What every route handler needs: run the blocking use case off the event loop, write the JSON
 * answer, read parameters with 400s that name them, and check roles.
 */
public final class Api {

  public static final String SESSION = "session";

  private Api() {}

  /** A use case run for one request on a worker thread; its result is the JSON answer. */
  @FunctionalInterface
  public interface Work {
    Object run(RoutingContext ctx) throws Exception;
  }

  /**
   * Mounts a route: the role check, then {@code work} on a worker thread, answered with {@code
   * status} and the result as JSON (204 and no body for a null result).
   */
  public static void route(
      Router router,
      HttpMethod method,
      String path,
      Handler<RoutingContext> roles,
      int status,
      Work work) {
    router
        .route(method, path)
        .handler(roles)
        .handler(ctx -> respond(ctx, status, () -> work.run(ctx)));
  }

  /**
   * A result that chooses its own status, for routes whose answer depends on what the use case did
   * (an edit saved is 200, the same edit kept for review is 202).
   */
  public record Answer(int status, Object body) {}

  private record Serialised(int status, Buffer json) {}

  /**
   * Runs {@code work} on a worker thread and answers with its result as JSON, serialised on the
   * worker too so that large answers never hold up the event loop; an {@link Answer} sets the
   * status itself.
   */
  public static <T> void respond(RoutingContext ctx, int status, Callable<T> work) {
    Session session = ctx.get(SESSION);
    String user = session == null ? null : session.user().username();
    ctx.vertx()
        .executeBlocking(
            () -> {
              if (user != null) {
                MDC.put("user", user);
              }
              try {
                T result = work.call();
                return result instanceof Answer a
                    ? new Serialised(a.status(), a.body() == null ? null : Json.write(a.body()))
                    : new Serialised(status, result == null ? null : Json.write(result));
              } finally {
                MDC.remove("user");
              }
            },
            false)
        .onSuccess(answer -> sendJson(ctx, answer.status(), answer.json()))
        .onFailure(ctx::fail);
  }

  private static void sendJson(RoutingContext ctx, int status, Buffer json) {
    if (ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store");
    if (json == null || status == 204) {
      ctx.response().end();
    } else {
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(json);
    }
  }

  /** Answers on the event loop with a small value serialised there. */
  public static void send(RoutingContext ctx, int status, Object body) {
    sendJson(ctx, status, body == null ? null : Json.write(body));
  }

  /** The authenticated session (the auth handler ran before). */
  public static Session session(RoutingContext ctx) {
    Session s = ctx.get(SESSION);
    if (s == null) {
      throw new HelpdeskException(
          HelpdeskException.Kind.UNAUTHENTICATED, "login_required", "Log in first");
    }
    return s;
  }

  /** The logged-in user, whose roles and id the use cases check. */
  public static User user(RoutingContext ctx) {
    return session(ctx).user();
  }

  public static long userId(RoutingContext ctx) {
    return session(ctx).user().id();
  }

  /**
   * Reads the JSON body into {@code type}; call inside {@link #respond}. A body of another media
   * type is a 415.
   */
  public static <T> T body(RoutingContext ctx, Class<T> type) throws java.io.IOException {
    requireBodyType(ctx, "application/json");
    return Json.read(ctx.body().buffer(), type);
  }

  /**
   * The body as text of {@code mediaType} (CSV, JSON Lines); another media type is a 415, bytes
   * that are not UTF-8 a 400 {@code invalid_encoding}, never U+FFFD in the database.
   */
  public static String text(RoutingContext ctx, String mediaType) {
    requireBodyType(ctx, mediaType);
    Buffer body = ctx.body().buffer();
    try {
      return body == null ? "" : Utf8.decode(body.getBytes());
    } catch (Utf8.InvalidException e) {
      throw ValidationException.invalidEncoding("(body)", e.getMessage());
    }
  }

  /**
   * A 415 unless a non-empty body is {@code mediaType}, in UTF-8 if a charset is named. A route
   * that takes no body ignores one; a route that needs one says so when it finds it empty.
   */
  public static void requireBodyType(RoutingContext ctx, String mediaType) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return;
    }
    String header = ctx.request().getHeader("Content-Type");
    if (header == null) {
      throw new UnsupportedMediaTypeException(mediaType, null);
    }
    String[] parts = header.split(";");
    boolean typeMatches = parts[0].strip().equalsIgnoreCase(mediaType);
    boolean utf8 = true;
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].split("=", 2);
      if (param[0].strip().equalsIgnoreCase("charset")) {
        String charset = param.length < 2 ? "" : param[1].strip().replace("\"", "");
        utf8 = charset.equalsIgnoreCase("utf-8");
      }
    }
    if (!typeMatches || !utf8) {
      throw new UnsupportedMediaTypeException(mediaType, header);
    }
  }

  public static long pathId(RoutingContext ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new ValidationException(name, "must be a positive number, not '" + raw + "'");
  }

  public static int queryInt(RoutingContext ctx, String name, int dflt, int min, int max) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new ValidationException(name, "must be a whole number from " + min + " to " + max);
  }

  public static Long queryLong(RoutingContext ctx, String name) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(name, "must be a number");
    }
  }

  public static String query(RoutingContext ctx, String name, int maxLength) {
    String raw = ctx.queryParams().get(name);
    if (raw != null && raw.length() > maxLength) {
      throw new ValidationException(name, "must be at most " + maxLength + " characters");
    }
    return raw;
  }

  /** An enum query parameter (case-insensitive), null when absent; a 400 naming the values. */
  public static <E extends Enum<E>> E queryEnum(RoutingContext ctx, String name, Class<E> type) {
    String raw = ctx.queryParams().get(name);
    return raw == null || raw.isBlank() ? null : parseEnum(name, raw, type);
  }

  /** {@code raw} as a constant of {@code type} (case-insensitive); a 400 naming the values. */
  public static <E extends Enum<E>> E parseEnum(String name, String raw, Class<E> type) {
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          name,
          "'" + raw + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** An ISO-8601 instant query parameter, null when absent. */
  public static java.time.Instant queryInstant(RoutingContext ctx, String name) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return java.time.Instant.parse(raw.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new ValidationException(name, "must be an ISO-8601 instant like 2026-01-05T09:00:00Z");
    }
  }

  /** A handler that lets the request through only for users holding one of {@code roles}. */
  public static Handler<RoutingContext> roles(Role first, Role... more) {
    Set<Role> allowed = EnumSet.of(first, more);
    return ctx -> {
      Session s = ctx.get(SESSION);
      if (s == null) {
        ctx.fail(
            new HelpdeskException(
                HelpdeskException.Kind.UNAUTHENTICATED, "login_required", "Log in first"));
      } else if (!s.user().hasAnyRole(allowed)) {
        ctx.fail(
            new HelpdeskException(
                HelpdeskException.Kind.FORBIDDEN,
                "forbidden",
                "Your role does not allow this; it needs one of " + allowed,
                java.util.Map.of(
                    "requiredRoles", allowed.stream().map(Enum::name).sorted().toList())));
      } else {
        ctx.next();
      }
    };
  }

  /**
   * {@code userId} if it is the caller or the caller is a supervisor or admin; otherwise a 403
   * saying that only they may act on {@code what} of another user.
   */
  public static long selfOrManager(RoutingContext ctx, long userId, String what) {
    Session session = session(ctx);
    if (userId != session.user().id()
        && !session.user().hasAnyRole(Set.of(Role.SUPERVISOR, Role.ADMIN))) {
      throw new HelpdeskException(
          HelpdeskException.Kind.FORBIDDEN,
          "forbidden",
          "Only supervisors and admins can see or change another user's " + what);
    }
    return userId;
  }

  /**
   * Staff who work with customers and tickets. Not technicians: they are to see only the customers,
   * tickets and equipment of their own dispatch orders, through the dispatch routes
   * (docs/permissions.md).
   */
  public static Handler<RoutingContext> staff() {
    return roles(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
  }

  /**
   * Everyone logged in, technicians included: for routes about the callers themselves or without
   * customer data.
   */
  public static Handler<RoutingContext> anyone() {
    return roles(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.TECHNICIAN);
  }

  public static Handler<RoutingContext> admins() {
    return roles(Role.ADMIN);
  }

  public static Handler<RoutingContext> managers() {
    return roles(Role.SUPERVISOR, Role.ADMIN);
  }
}
