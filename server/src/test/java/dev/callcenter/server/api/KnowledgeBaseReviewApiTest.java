package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the public, no-login search serves is decided by supervisors and admins: an agent cannot
 * make an article public, and an agent's edit of a published or public article is a revision that
 * changes nothing until a supervisor publishes it.
 */
class KnowledgeBaseReviewApiTest {

  private static TestServer server;
  private static ApiClient agent;
  private static ApiClient supervisor;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    agent = server.as("agent1");
    supervisor = server.as("supervisor1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, Object> content(String title, String resolution, String visibility) {
    return Map.of(
        "title", title, "resolution", resolution, "language", "en", "visibility", visibility);
  }

  /** An article a supervisor wrote and published. */
  private static JsonNode published(String title, String resolution, String visibility) {
    ApiClient.Response created =
        supervisor.post("/api/v1/kb/articles", content(title, resolution, visibility));
    assertThat(created.status()).isEqualTo(201);
    ApiClient.Response live =
        supervisor.post(
            "/api/v1/kb/articles/" + created.body().get("id").asLong() + "/publish", Map.of());
    assertThat(live.status()).isEqualTo(200);
    return live.body();
  }

  private static ApiClient.Response edit(ApiClient who, JsonNode article, Map<String, ?> content) {
    return who.put(
        "/api/v1/kb/articles/" + article.get("id").asLong(),
        Map.of("version", article.get("version").asInt(), "article", content));
  }

  private static int publicHits(String word) {
    ApiClient.Response r = server.anonymous().get("/api/v1/kb/public/search?q=" + word);
    assertThat(r.status()).isEqualTo(200);
    return r.body().get("hits").size();
  }

  /** Waits for the index's refresh (every half second) with a bound. */
  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static List<Long> ids(ApiClient.Response list) {
    assertThat(list.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    list.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
    return ids;
  }

  private static void assertPublishForbidden(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("kb_publish_forbidden");
  }

  @Test
  void anAgentCannotMakeAnArticlePublicOrPublishIt() {
    JsonNode internal = published("Voicemail PIN reset", "Dial star ninety eight.", "INTERNAL");
    long id = internal.get("id").asLong();

    assertPublishForbidden(
        edit(agent, internal, content("Voicemail PIN reset", "Send quokkafish.", "PUBLIC")));
    assertPublishForbidden(
        agent.post("/api/v1/kb/articles", content("Agent's public", "wombatcode", "PUBLIC")));
    assertPublishForbidden(agent.post("/api/v1/kb/articles/" + id + "/archive", Map.of()));
    JsonNode draft =
        agent.post("/api/v1/kb/articles", content("Agent's draft", "platypus", "INTERNAL")).body();
    assertPublishForbidden(
        agent.post("/api/v1/kb/articles/" + draft.get("id").asLong() + "/publish", Map.of()));

    assertThat(agent.get("/api/v1/kb/articles/" + id).body()).isEqualTo(internal);
    assertThat(publicHits("quokkafish")).isZero();
    assertThat(publicHits("wombatcode")).isZero();
    supervisor
        .get("/api/v1/kb/revisions?status=any")
        .body()
        .get("items")
        .forEach(r -> assertThat(r.get("articleId").asLong()).isNotEqualTo(id));
  }

  @Test
  void anAgentsEditOfAPublicArticleWaitsForASupervisorWhileTheLiveTextStays() {
    JsonNode live = published("Router reboots", "Replace the kangaroopack.", "PUBLIC");
    long id = live.get("id").asLong();
    awaitTrue(() -> publicHits("kangaroopack") == 1);

    ApiClient.Response proposed =
        edit(agent, live, content("Router reboots", "Phone echidnaline with your PIN.", "PUBLIC"));

    assertThat(proposed.status()).isEqualTo(202);
    assertThat(proposed.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(proposed.body().get("articleId").asLong()).isEqualTo(id);
    long revision = proposed.body().get("id").asLong();
    assertThat(agent.get("/api/v1/kb/articles/" + id).body()).isEqualTo(live);
    assertThat(publicHits("echidnaline")).isZero();
    assertThat(publicHits("kangaroopack")).isEqualTo(1);
    // The author and the reviewers see it; another agent does not.
    assertThat(ids(agent.get("/api/v1/kb/revisions"))).containsExactly(revision);
    assertThat(agent.get("/api/v1/kb/revisions/" + revision).status()).isEqualTo(200);
    ApiClient agent2 = server.as("agent2");
    assertThat(ids(agent2.get("/api/v1/kb/revisions"))).isEmpty();
    ApiClient.Response hidden = agent2.get("/api/v1/kb/revisions/" + revision);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.errorCode()).isEqualTo("kb_revision_not_found");
    assertThat(ids(supervisor.get("/api/v1/kb/revisions"))).contains(revision);
    assertPublishForbidden(agent.post("/api/v1/kb/revisions/" + revision + "/publish", null));

    ApiClient.Response publishedRevision =
        supervisor.post("/api/v1/kb/revisions/" + revision + "/publish", null);

    assertThat(publishedRevision.status()).isEqualTo(200);
    assertThat(publishedRevision.body().at("/content/resolution").asText())
        .isEqualTo("Phone echidnaline with your PIN.");
    assertThat(publishedRevision.body().get("version").asInt())
        .isEqualTo(live.get("version").asInt() + 1);
    awaitTrue(() -> publicHits("echidnaline") == 1);
    assertThat(publicHits("kangaroopack")).isZero();
    assertThat(agent.get("/api/v1/kb/revisions/" + revision).body().get("status").asText())
        .isEqualTo("PUBLISHED");
    // Who made what public, and how, is in the security audit trail.
    JsonNode trail =
        server
            .as("admin1")
            .get("/api/v1/audit/security?kind=KB_ARTICLE_PUBLISHED&username=supervisor1&limit=200")
            .body()
            .get("items");
    List<String> hows = new java.util.ArrayList<>();
    trail.forEach(
        e -> {
          if (e.at("/detail/articleId").asLong() == id) {
            hows.add(e.at("/detail/how").asText() + "/" + e.at("/detail/visibility").asText());
          }
        });
    assertThat(hows).containsExactly("revision " + revision + "/PUBLIC", "published/PUBLIC");
  }

  @Test
  void aRejectedRevisionLeavesTheArticleAndTellsTheAuthorWhy() {
    JsonNode live = published("Fax tone", "Unplug the koalacable.", "INTERNAL");
    long revision =
        edit(agent, live, content("Fax tone", "Unplug it twice.", "INTERNAL"))
            .body()
            .get("id")
            .asLong();

    ApiClient.Response rejected =
        supervisor.post(
            "/api/v1/kb/revisions/" + revision + "/reject", Map.of("note", "Once is enough"));

    assertThat(rejected.status()).isEqualTo(200);
    JsonNode seen = agent.get("/api/v1/kb/revisions/" + revision).body();
    assertThat(seen.get("status").asText()).isEqualTo("REJECTED");
    assertThat(seen.get("reviewNote").asText()).isEqualTo("Once is enough");
    assertThat(agent.get("/api/v1/kb/articles/" + live.get("id").asLong()).body()).isEqualTo(live);
    assertThat(ids(agent.get("/api/v1/kb/revisions"))).doesNotContain(revision);
    assertThat(ids(agent.get("/api/v1/kb/revisions?status=REJECTED"))).contains(revision);
    ApiClient.Response again =
        supervisor.post("/api/v1/kb/revisions/" + revision + "/publish", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("kb_revision_not_pending");
  }

  @Test
  void agentsStillCreateAndEditInternalDrafts() {
    ApiClient.Response created =
        agent.post("/api/v1/kb/articles", content("Modem blinks", "Reset it.", "INTERNAL"));
    assertThat(created.status()).isEqualTo(201);

    ApiClient.Response edited =
        edit(agent, created.body(), content("Modem blinks red", "Hold reset.", "INTERNAL"));

    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.body().at("/content/title").asText()).isEqualTo("Modem blinks red");
    assertThat(edited.body().get("status").asText()).isEqualTo("DRAFT");
  }
}
