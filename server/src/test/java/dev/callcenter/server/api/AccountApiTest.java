package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import dev.callcenter.server.WsClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User administration, session revocation, forced password changes, the audit trail and login
 * throttling behind a trusted proxy, over the real HTTP API.
 */
class AccountApiTest {

  private static final String PROXY = "127.0.0.1";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static TestServer server;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    // The test client connects from loopback: that is the trusted reverse proxy.
    server =
        TestServer.start(
            Map.of("http.trusted-proxies", PROXY + ", 10.99.0.0/16"), Clock.systemUTC());
    admin = server.as("admin1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String newName() {
    return "staff" + NAMES.incrementAndGet();
  }

  /** Creates a user through the API and has them choose their own password. */
  private static ApiClient createAndActivate(String name, String role) {
    ApiClient.Response created =
        admin.post(
            "/api/v1/admin/users",
            Map.of(
                "username",
                name,
                "displayName",
                "New " + name,
                "roles",
                List.of(role),
                "language",
                "en",
                "temporaryPassword",
                "temporary-Pass-1"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    ApiClient user = ApiClient.anonymous(server.baseUrl()).login(name, "temporary-Pass-1");
    ApiClient.Response changed =
        user.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", "temporary-Pass-1", "newPassword", "my own long secret"));
    assertThat(changed.status()).as(changed.body() + "").isEqualTo(204);
    return user;
  }

  private static long idOf(String username) {
    for (JsonNode u : admin.get("/api/v1/admin/users").body().get("items")) {
      if (u.get("username").asText().equals(username)) {
        return u.get("id").asLong();
      }
    }
    throw new AssertionError(username + " not listed");
  }

  private static JsonNode find(JsonNode events, String kind) {
    for (JsonNode e : events) {
      if (e.get("kind").asText().equals(kind)) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " in " + events);
  }

  private static ApiClient viaProxy(String clientAddress) {
    return server.anonymous().withHeader("X-Forwarded-For", clientAddress);
  }

  @Test
  void aNewUserMustChooseTheirOwnPasswordBeforeDoingAnything() {
    String name = newName();
    ApiClient.Response weak =
        admin.post(
            "/api/v1/admin/users",
            Map.of("username", name, "roles", List.of("AGENT"), "temporaryPassword", "aaaaaaaa"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.errorCode()).isEqualTo("password_too_short");
    admin.post(
        "/api/v1/admin/users",
        Map.of(
            "username", name, "roles", List.of("AGENT"), "temporaryPassword", "temporary-Pass-1"));
    ApiClient user = ApiClient.anonymous(server.baseUrl()).login(name, "temporary-Pass-1");

    assertThat(user.get("/api/v1/auth/me").body().at("/user/mustChangePassword").asBoolean())
        .isTrue();
    ApiClient.Response blocked = user.get("/api/v1/customers");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.errorCode()).isEqualTo("password_change_required");
    ApiClient.Response common =
        user.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", "temporary-Pass-1", "newPassword", "qwerty123456"));
    assertThat(common.errorCode()).isEqualTo("password_too_common");

    assertThat(
            user.post(
                    "/api/v1/auth/password",
                    Map.of(
                        "currentPassword", "temporary-Pass-1", "newPassword", "my own long secret"))
                .status())
        .isEqualTo(204);
    assertThat(user.get("/api/v1/customers").status()).isEqualTo(200);
    assertThat(user.get("/api/v1/auth/me").body().at("/user/mustChangePassword").asBoolean())
        .isFalse();
    assertThat(
            admin
                .post(
                    "/api/v1/admin/users",
                    Map.of(
                        "username",
                        name,
                        "roles",
                        List.of("AGENT"),
                        "temporaryPassword",
                        "temporary-Pass-1"))
                .errorCode())
        .isEqualTo("username_taken");
  }

  @Test
  void disablingAUserEndsTheirSessionAndClosesTheirScreensAtOnce() throws Exception {
    String name = newName();
    ApiClient user = createAndActivate(name, "AGENT");
    long id = idOf(name);
    try (WsClient screen = WsClient.connect(server.baseUrl(), user.token())) {
      screen.await("hello");

      ApiClient.Response disabled = admin.post("/api/v1/admin/users/" + id + "/disable", null);

      assertThat(disabled.status()).isEqualTo(200);
      assertThat(disabled.body().get("active").asBoolean()).isFalse();
      assertThat(screen.awaitClose()).isEqualTo(4401);
    }
    assertThat(user.get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(
            server
                .anonymous()
                .post(
                    "/api/v1/auth/login",
                    Map.of("username", name, "password", "my own long secret"))
                .status())
        .isEqualTo(401);

    assertThat(admin.post("/api/v1/admin/users/" + id + "/enable", null).status()).isEqualTo(200);
    assertThat(
            ApiClient.anonymous(server.baseUrl())
                .login(name, "my own long secret")
                .get("/api/v1/auth/me")
                .status())
        .isEqualTo(200);
  }

  @Test
  void newRolesApplyAtOnce() {
    String name = newName();
    ApiClient user = createAndActivate(name, "SUPERVISOR");
    long id = idOf(name);
    assertThat(user.get("/api/v1/sla/policies").status()).isEqualTo(200);

    ApiClient.Response changed =
        admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("TECHNICIAN")));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body().get("roles").toString()).isEqualTo("[\"TECHNICIAN\"]");
    assertThat(user.get("/api/v1/auth/me").status()).isEqualTo(401);
    ApiClient again = ApiClient.anonymous(server.baseUrl()).login(name, "my own long secret");
    assertThat(again.get("/api/v1/auth/me").body().at("/user/roles").toString())
        .isEqualTo("[\"TECHNICIAN\"]");
  }

  @Test
  void aPasswordResetEndsSessionsAndForcesAChange() {
    String name = newName();
    ApiClient user = createAndActivate(name, "AGENT");
    long id = idOf(name);

    ApiClient.Response reset =
        admin.post(
            "/api/v1/admin/users/" + id + "/password-reset",
            Map.of("temporaryPassword", "reset-by-admin-42"));

    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.body().get("mustChangePassword").asBoolean()).isTrue();
    assertThat(user.get("/api/v1/auth/me").status()).isEqualTo(401);
    ApiClient after = ApiClient.anonymous(server.baseUrl()).login(name, "reset-by-admin-42");
    assertThat(after.get("/api/v1/tickets").errorCode()).isEqualTo("password_change_required");
  }

  @Test
  void theCenterIsNeverLeftWithoutAnAdministrator() {
    long self = idOf("admin1");
    assertThat(admin.post("/api/v1/admin/users/" + self + "/disable", null).errorCode())
        .isEqualTo("cannot_disable_self");
    assertThat(
            admin
                .put("/api/v1/admin/users/" + self + "/roles", Map.of("roles", List.of("AGENT")))
                .errorCode())
        .isEqualTo("last_admin");
    assertThat(admin.get("/api/v1/auth/me").status()).isEqualTo(200);
  }

  @Test
  void onlyAdministratorsAdministerAndReadTheAuditTrail() {
    for (String who : List.of("supervisor1", "agent1", "tech1")) {
      ApiClient user = server.as(who);
      assertThat(user.get("/api/v1/admin/users").status()).as(who).isEqualTo(403);
      assertThat(user.get("/api/v1/audit/security").status()).as(who).isEqualTo(403);
      assertThat(
              user.post(
                      "/api/v1/admin/users",
                      Map.of(
                          "username",
                          "sneaky",
                          "roles",
                          List.of("ADMIN"),
                          "temporaryPassword",
                          "temporary-Pass-1"))
                  .status())
          .as(who)
          .isEqualTo(403);
    }
  }

  @Test
  void theAuditTrailSaysWhoDidWhatToWhomAndFromWhere() {
    String name = newName();
    createAndActivate(name, "AGENT");
    long id = idOf(name);
    viaProxy("10.99.7.7")
        .post("/api/v1/auth/login", Map.of("username", name, "password", "not it"));
    admin
        .withHeader("X-Forwarded-For", "10.99.1.1")
        .post("/api/v1/admin/users/" + id + "/disable", null);

    JsonNode events =
        admin.get("/api/v1/audit/security?username=" + name + "&limit=50").body().get("items");
    List<String> kinds = new ArrayList<>();
    events.forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds)
        .contains(
            "USER_CREATED", "LOGIN_SUCCEEDED", "PASSWORD_CHANGED", "LOGIN_FAILED", "USER_DISABLED");
    JsonNode failed = find(events, "LOGIN_FAILED");
    assertThat(failed.get("address").asText()).isEqualTo("10.99.7.7");
    assertThat(failed.at("/detail/reason").asText()).isEqualTo("wrong_password");
    JsonNode disabled = find(events, "USER_DISABLED");
    assertThat(disabled.get("actorUsername").asText()).isEqualTo("admin1");
    assertThat(disabled.get("subjectUsername").asText()).isEqualTo(name);
    assertThat(disabled.get("address").asText()).isEqualTo("10.99.1.1");
    assertThat(events.toString()).doesNotContain("not it").doesNotContain("my own long secret");

    JsonNode onlyDisables =
        admin.get("/api/v1/audit/security?kind=USER_DISABLED&username=" + name).body().get("items");
    assertThat(onlyDisables).hasSize(1);
    assertThat(admin.get("/api/v1/audit/security?kind=NOPE").status()).isEqualTo(400);
  }

  @Test
  void aFloorOfAgentsBehindTheProxyLogsInWhileAnAttackerHammersOneUsername() {
    String hash = server.services().passwords().hash("floor-password-1");
    List<String> floor = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String name = "floor" + i + "_" + NAMES.incrementAndGet();
      server.services().users().upsert(name, name, hash, Set.of(Role.AGENT), "zh-TW");
      floor.add(name);
    }
    String victim = floor.get(0);
    ApiClient attacker = viaProxy("203.0.113.9");
    int throttled = 0;
    for (int i = 0; i < 100; i++) {
      ApiClient.Response guess =
          attacker.post("/api/v1/auth/login", Map.of("username", victim, "password", "guess" + i));
      assertThat(guess.status()).isIn(401, 429);
      throttled += guess.status() == 429 ? 1 : 0;
      String agent = floor.get(i);
      ApiClient.Response login =
          viaProxy("10.20." + (i / 200) + "." + (i % 200 + 1))
              .post(
                  "/api/v1/auth/login", Map.of("username", agent, "password", "floor-password-1"));
      assertThat(login.status()).as(agent).isEqualTo(200);
    }
    assertThat(throttled).isGreaterThan(50);
    // Nor can the attacker pass for someone else by forging the header: the proxy appends the
    // real peer, and the right-most entry that is not a trusted proxy is the client.
    ApiClient.Response forged =
        viaProxy("10.1.1.1, 203.0.113.9")
            .post("/api/v1/auth/login", Map.of("username", victim, "password", "guess"));
    assertThat(forged.status()).isIn(401, 429);
    JsonNode latest =
        admin.get("/api/v1/audit/security?limit=1&username=" + victim).body().get("items").get(0);
    assertThat(latest.get("address").asText()).isEqualTo("203.0.113.9");
  }
}
