package dev.callcenter.ui.auth;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.HelpdeskException.Kind;
import dev.callcenter.helpdesk.user.AuthService;
import dev.callcenter.helpdesk.user.Session;
import dev.callcenter.ui.http.Api;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Admits a request only with a valid session: a bearer token, or the session cookie plus the CSRF
 * token header on state-changing methods. A user whose password was reset may only change it.
 */
public final class AuthHandler implements Handler<RoutingContext> {

  public static final String COOKIE = "cc_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  /** What a user whose password was reset may still do before choosing a new one. */
  private static final Set<String> PASSWORD_CHANGE_PATHS =
      Set.of("/api/v1/auth/me", "/api/v1/auth/logout", "/api/v1/auth/password");

  private final AuthService auth;

  public AuthHandler(AuthService auth) {
    this.auth = auth;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    String token;
    if (bearer) {
      token = header.substring(7).strip();
    } else {
      Cookie cookie = ctx.request().getCookie(COOKIE);
      token = cookie == null ? null : cookie.getValue();
    }
    if (token == null || token.isEmpty()) {
      ctx.fail(
          new HelpdeskException(
              Kind.UNAUTHENTICATED,
              "login_required",
              "Log in first (POST /api/v1/auth/login), then send the session cookie or"
                  + " 'Authorization: Bearer <token>'"));
      return;
    }
    Optional<Session> cached = auth.cached(token);
    if (cached.isPresent()) {
      admit(ctx, cached, bearer);
      return;
    }
    ctx.vertx()
        .executeBlocking(() -> auth.authenticate(token), false)
        .onFailure(ctx::fail)
        .onSuccess(found -> admit(ctx, found, bearer));
  }

  private static void admit(RoutingContext ctx, Optional<Session> found, boolean bearer) {
    if (found.isEmpty()) {
      ctx.fail(
          new HelpdeskException(
              Kind.UNAUTHENTICATED,
              "session_invalid",
              "Your session has expired or was ended; log in again"));
      return;
    }
    Session session = found.get();
    if (!bearer && !SAFE.contains(ctx.request().method()) && !csrfMatches(ctx, session)) {
      ctx.fail(
          new HelpdeskException(
              Kind.FORBIDDEN,
              "csrf_token_invalid",
              "Send the csrfToken from login in the " + CSRF_HEADER + " header"));
      return;
    }
    if (session.user().mustChangePassword()
        && !PASSWORD_CHANGE_PATHS.contains(ctx.normalizedPath())) {
      ctx.fail(
          new HelpdeskException(
              Kind.FORBIDDEN,
              "password_change_required",
              "Choose a new password first (POST /api/v1/auth/password)"));
      return;
    }
    ctx.put(Api.SESSION, session);
    ctx.next();
  }

  private static boolean csrfMatches(RoutingContext ctx, Session session) {
    String sent = ctx.request().getHeader(CSRF_HEADER);
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            session.csrfToken().getBytes(StandardCharsets.UTF_8));
  }
}
