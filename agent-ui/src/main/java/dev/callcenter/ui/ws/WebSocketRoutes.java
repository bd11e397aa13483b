package dev.callcenter.ui.ws;

import dev.callcenter.cti.push.HelloMessage;
import dev.callcenter.cti.push.LiveMessage;
import dev.callcenter.cti.push.PongMessage;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.user.AuthService;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.Session;
import dev.callcenter.ui.auth.AuthHandler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ws}: the live event stream of the logged-in user. Authenticated by a token ({@code
 * ?token=} or {@code Authorization: Bearer}) or by the session cookie, which is only accepted when
 * the {@code Origin} is this server (or a configured one) so another site cannot open it with the
 * user's cookie. On connect the screen gets {@code hello} and the present (agent state, the pop of
 * the ringing or current call, and for supervisors the queues and all agents).
 */
public final class WebSocketRoutes {
  private static final Logger log = LoggerFactory.getLogger(WebSocketRoutes.class);

  private final AuthService auth;
  private final EventHub hub;
  private final BiFunction<Long, Boolean, List<LiveMessage>> present;
  private final Set<String> allowedOrigins;
  private final Clock clock;

  /**
   * @param present the messages that show a (re)connecting screen the present: (userId, supervisor)
   *     → messages
   * @param allowedOrigins extra origins allowed for cookie sessions (the server's own always is)
   * @param clock stamps {@code hello} and {@code pong}
   */
  public WebSocketRoutes(
      AuthService auth,
      EventHub hub,
      BiFunction<Long, Boolean, List<LiveMessage>> present,
      Set<String> allowedOrigins,
      Clock clock) {
    this.auth = auth;
    this.hub = hub;
    this.present = present;
    this.allowedOrigins = Set.copyOf(allowedOrigins);
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/ws").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String token = request.getParam("token");
    String header = request.getHeader("Authorization");
    boolean cookie = false;
    if ((token == null || token.isBlank())
        && header != null
        && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.substring(7).strip();
    }
    if (token == null || token.isBlank()) {
      Cookie c = request.getCookie(AuthHandler.COOKIE);
      token = c == null ? null : c.getValue();
      cookie = true;
    }
    if (token == null || token.isBlank()) {
      ctx.fail(
          new HelpdeskException(
              HelpdeskException.Kind.UNAUTHENTICATED,
              "login_required",
              "Log in first, then open /ws with the session cookie or ?token=<token>"));
      return;
    }
    if (cookie && !originAllowed(request)) {
      ctx.fail(
          new HelpdeskException(
              HelpdeskException.Kind.FORBIDDEN,
              "origin_not_allowed",
              "WebSockets with a session cookie are only accepted from this server's own pages"));
      return;
    }
    String finalToken = token;
    Optional<Session> cached = auth.cached(finalToken);
    if (cached.isPresent()) {
      open(ctx, cached.get(), finalToken);
      return;
    }
    // The upgrade must wait for the database: keep the request unread until then.
    request.pause();
    ctx.vertx()
        .executeBlocking(() -> auth.authenticate(finalToken), false)
        .onFailure(ctx::fail)
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                ctx.fail(
                    new HelpdeskException(
                        HelpdeskException.Kind.UNAUTHENTICATED,
                        "session_invalid",
                        "Your session has expired or was ended; log in again"));
              } else {
                open(ctx, found.get(), finalToken);
              }
            });
  }

  private void open(RoutingContext ctx, Session session, String token) {
    if (session.user().mustChangePassword()) {
      ctx.fail(
          new HelpdeskException(
              HelpdeskException.Kind.FORBIDDEN,
              "password_change_required",
              "Choose a new password first (POST /api/v1/auth/password)"));
      return;
    }
    if (!ctx.request().canUpgradeToWebSocket()) {
      // Without the handshake headers Vert.x would answer in plain text itself.
      ctx.fail(
          new HelpdeskException(
              HelpdeskException.Kind.INVALID,
              "websocket_upgrade_required",
              "/ws is a WebSocket: open it with the Upgrade: websocket handshake"));
      return;
    }
    long userId = session.user().id();
    boolean supervisor = session.user().hasAnyRole(Set.of(Role.SUPERVISOR, Role.ADMIN));
    ctx.request()
        .toWebSocket()
        .onFailure(
            e -> {
              log.debug("WebSocket upgrade failed: {}", e.toString());
              // A plain GET (no Upgrade headers) would otherwise wait for an answer forever.
              ctx.fail(
                  new HelpdeskException(
                      HelpdeskException.Kind.INVALID,
                      "websocket_upgrade_required",
                      "/ws is a WebSocket: open it with the Upgrade: websocket handshake"));
            })
        .onSuccess(
            socket -> {
              hub.add(userId, supervisor, token, socket);
              socket.closeHandler(v -> hub.remove(userId, socket));
              socket.exceptionHandler(e -> hub.remove(userId, socket));
              socket.textMessageHandler(text -> onText(socket, text));
              hub.send(
                  socket,
                  new HelloMessage(
                      clock.instant(),
                      new HelloMessage.Data(userId, session.user().username(), supervisor)));
              ctx.vertx()
                  .executeBlocking(() -> present.apply(userId, supervisor), false)
                  .onSuccess(messages -> messages.forEach(m -> hub.send(socket, m)))
                  .onFailure(e -> log.warn("Could not send the present to a new screen", e));
            });
  }

  private void onText(ServerWebSocket socket, String text) {
    if (text.contains("\"ping\"")) {
      hub.send(socket, new PongMessage(clock.instant()));
    }
  }

  private boolean originAllowed(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    if (allowedOrigins.contains(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.authority() == null ? null : request.authority().toString();
      String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(originHost);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
