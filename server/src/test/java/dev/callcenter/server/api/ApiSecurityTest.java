package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiSecurityTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every (method, concrete path) the router serves, with path parameters filled in. */
  static List<String[]> routes() {
    List<String[]> result = new ArrayList<>();
    for (Route route : server.server().api().router().getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      for (HttpMethod m : route.methods()) {
        result.add(new String[] {m.name(), route.getPath().replaceAll(":[a-zA-Z]+", "1")});
      }
    }
    return result;
  }

  @Test
  void everyRouteButHealthAndLoginRequiresLogin() {
    // The knowledge base's self-service search serves only public, published articles.
    Set<String> open =
        Set.of(
            "GET /api/v1/health",
            "POST /api/v1/auth/login",
            "GET /api/v1/kb/public/search",
            "GET /api/v1/kb/public/suggest");
    List<String[]> routes = routes();
    assertThat(routes).hasSizeGreaterThan(10);
    for (String[] r : routes) {
      String key = r[0] + " " + r[1];
      if (open.contains(key)) {
        continue;
      }
      ApiClient.Response response = server.anonymous().send(r[0], r[1], "{}", "application/json");
      assertThat(response.status()).as(key).isEqualTo(401);
      assertThat(response.errorCode()).as(key).isEqualTo("login_required");
    }
  }

  @Test
  void healthIsOpenAndReportsTheDatabase() {
    ApiClient.Response health = server.anonymous().get("/api/v1/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().at("/components/database/status").asText()).isEqualTo("UP");
  }

  @Test
  void forgedTokenIsRejected() {
    ApiClient.Response r =
        server.anonymous().withHeader("Authorization", "Bearer forged").get("/api/v1/auth/me");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("session_invalid");
  }

  @Test
  void rolesAreEnforcedOnTheServer() {
    var customer = Map.of("name", "Role Test");
    assertThat(server.as("tech1").post("/api/v1/customers", customer).status()).isEqualTo(403);
    assertThat(server.as("agent1").post("/api/v1/customers", customer).status()).isEqualTo(201);

    long id = server.as("agent1").post("/api/v1/customers", customer).body().get("id").asLong();
    ApiClient.Response agentOverride =
        server
            .as("agent1")
            .put("/api/v1/customers/" + id + "/tier-override", Map.of("tier", "VIP"));
    assertThat(agentOverride.status()).isEqualTo(403);
    assertThat(agentOverride.errorCode()).isEqualTo("forbidden");
    assertThat(
            server
                .as("supervisor1")
                .put("/api/v1/customers/" + id + "/tier-override", Map.of("tier", "VIP"))
                .body()
                .get("effectiveTier")
                .asText())
        .isEqualTo("VIP");
    assertThat(server.as("agent1").delete("/api/v1/customers/" + id).status()).isEqualTo(403);
    assertThat(server.as("admin1").delete("/api/v1/customers/" + id).status()).isEqualTo(204);
    assertThat(server.as("agent1").get("/api/v1/customers/" + id).status()).isEqualTo(404);
  }

  @Test
  void cookieSessionsNeedTheCsrfTokenToChangeThings() {
    ApiClient.Response login =
        server
            .anonymous()
            .post(
                "/api/v1/auth/login",
                Map.of("username", "agent1", "password", TestServer.PASSWORD));
    String setCookie = login.raw().headers().firstValue("set-cookie").orElseThrow();
    assertThat(setCookie)
        .contains("cc_session=")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    ApiClient withCookie = server.anonymous().withHeader("Cookie", cookie);

    assertThat(withCookie.get("/api/v1/auth/me").status()).isEqualTo(200);
    ApiClient.Response noToken =
        withCookie.post("/api/v1/customers", Map.of("name", "CSRF victim"));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.errorCode()).isEqualTo("csrf_token_invalid");
    assertThat(server.as("agent1").get("/api/v1/customers?q=CSRF").body().get("items")).isEmpty();

    ApiClient.Response withToken =
        withCookie
            .withHeader("X-CSRF-Token", login.body().get("csrfToken").asText())
            .post("/api/v1/customers", Map.of("name", "CSRF ok"));
    assertThat(withToken.status()).isEqualTo(201);
  }

  @Test
  void logoutEndsTheSession() {
    ApiClient agent = server.as("agent2");
    assertThat(agent.get("/api/v1/auth/me").status()).isEqualTo(200);

    assertThat(agent.post("/api/v1/auth/logout", null).status()).isEqualTo(204);

    assertThat(agent.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIs401AndRepeatedFailuresAre429() {
    ApiClient anon = server.anonymous();
    ApiClient.Response first =
        anon.post("/api/v1/auth/login", Map.of("username", "supervisor1", "password", "wrong"));
    assertThat(first.status()).isEqualTo(401);
    assertThat(first.errorCode()).isEqualTo("invalid_credentials");
    // After the free failures each wait doubles (1 s, 2 s, 4 s ...), so within a dozen quick
    // attempts one must be refused, however slow the machine.
    ApiClient.Response last = first;
    for (int i = 0; i < 12 && last.status() != 429; i++) {
      last =
          anon.post(
              "/api/v1/auth/login", Map.of("username", "supervisor1", "password", "wrong" + i));
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.errorCode()).isEqualTo("too_many_attempts");
    assertThat(last.raw().headers().firstValue("retry-after")).isPresent();
  }
}
