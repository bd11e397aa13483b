package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /ws} admits only sessions, and cookie sessions only from the server's own pages. */
class WebSocketAuthTest {
  private static TestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static URI ws(String query) {
    return URI.create(server.baseUrl().replace("http://", "ws://") + "/ws" + query);
  }

  private static WebSocket open(URI uri, Map<String, String> headers) {
    WebSocket.Builder b = HTTP.newWebSocketBuilder();
    headers.forEach(b::header);
    return b.buildAsync(uri, new WebSocket.Listener() {}).join();
  }

  private static int refusedWith(URI uri, Map<String, String> headers) {
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(() -> open(uri, headers).abort());
    assertThat(failure).isInstanceOf(CompletionException.class);
    assertThat(failure.getCause()).isInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
  }

  private static String sessionCookie() {
    var login =
        server
            .anonymous()
            .post(
                "/api/v1/auth/login",
                Map.of("username", "agent1", "password", TestServer.PASSWORD));
    String setCookie = login.raw().headers().firstValue("set-cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Test
  void withoutASessionTheUpgradeIsRefused() {
    assertThat(refusedWith(ws(""), Map.of())).isEqualTo(401);
    assertThat(refusedWith(ws("?token=not-a-token"), Map.of())).isEqualTo(401);
  }

  @Test
  void aTokenInTheQueryOrTheHeaderIsAccepted() {
    String token = server.as("agent1").token();
    open(ws("?token=" + token), Map.of()).abort();
    open(ws(""), Map.of("Authorization", "Bearer " + token)).abort();
  }

  @Test
  void aPlainGetWithASessionIsAnsweredNotLeftHanging() {
    var agent = server.as("agent1");

    var r = agent.get("/ws");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("websocket_upgrade_required");
    assertThat(agent.get("/ws?token=" + agent.token()).status()).isEqualTo(400);
  }

  @Test
  void aCookieSessionIsAcceptedOnlyFromTheServersOwnOrigin() {
    String cookie = sessionCookie();
    assertThat(refusedWith(ws(""), Map.of("Cookie", cookie, "Origin", "http://evil.example")))
        .isEqualTo(403);
    assertThat(refusedWith(ws(""), Map.of("Cookie", cookie))).isEqualTo(403);
    open(ws(""), Map.of("Cookie", cookie, "Origin", server.baseUrl())).abort();
  }

  @Test
  void loggingOutClosesTheSessionsSockets() throws Exception {
    var client = server.as("agent2");
    java.util.concurrent.CompletableFuture<Integer> closed =
        new java.util.concurrent.CompletableFuture<>();
    HTTP.newWebSocketBuilder()
        .buildAsync(
            ws("?token=" + client.token()),
            new WebSocket.Listener() {
              @Override
              public java.util.concurrent.CompletionStage<?> onClose(
                  WebSocket socket, int code, String reason) {
                closed.complete(code);
                return null;
              }
            })
        .join();
    assertThat(client.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
    assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4401);
  }
}
