package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge base over HTTP, on a server running the real embedding models. */
class KnowledgeBaseApiTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("kb.models.enabled", "true"), Clock.systemUTC());
    String jsonl =
        String.join(
            "\n",
            "{\"id\":\"wifi-1\",\"title\":\"Laptop cannot connect to the office wireless"
                + " network\",\"resolution\":\"Forget the network and join it"
                + " again.\",\"visibility\":\"public\"}",
            "{\"id\":\"pin-1\",\"title\":\"Reset a forgotten voicemail PIN\","
                + "\"resolution\":\"Dial *98 and choose option 5.\"}",
            "{\"id\":\"bad\",\"title\":",
            "{\"id\":\"zh-1\",\"title\":\"无法安装软件包\",\"resolution\":\"检查磁盘空间。\","
                + "\"language\":\"zh-CN\",\"visibility\":\"public\"}");
    ApiClient.Response imported =
        server.as("supervisor1").send("POST", "/api/v1/kb/import", jsonl, "application/x-ndjson");
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.body().get("created").asInt()).isEqualTo(3);
    assertThat(imported.body().at("/errors/0/line").asInt()).isEqualTo(3);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> externalIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("hits").forEach(h -> ids.add(h.path("externalId").asText()));
    return ids;
  }

  @Test
  void invisibleOnlyQueriesAreEmptyQueriesNotErrors() {
    // No-break space, zero-width space, BOM and U+FFFD: nothing to embed, nothing to fail on;
    // the public self-service search answers with no results for them, as for nothing typed.
    for (String q :
        List.of("%C2%A0", "%E2%80%8B", "%EF%BB%BF", "%EF%BF%BD", "%20%C2%A0%E2%80%8B")) {
      ApiClient.Response pub = server.anonymous().get("/api/v1/kb/public/search?q=" + q);
      ApiClient.Response staff = server.as("agent1").get("/api/v1/kb/search?q=" + q);

      assertThat(pub.status()).as("public search for %s", q).isEqualTo(200);
      assertThat(pub.body().get("hits")).as("public search for %s", q).isEmpty();
      assertThat(pub.body().get("total").asLong()).isZero();
      assertThat(staff.status()).as("search for %s", q).isEqualTo(200);
    }
  }

  @Test
  void searchFindsAParaphraseAndAnswersTheDocumentedShape() {
    ApiClient.Response r =
        server
            .as("agent1")
            .get("/api/v1/kb/search?q=my%20notebook%20won%27t%20get%20on%20the%20wifi&limit=2");

    assertThat(r.status()).isEqualTo(200);
    JsonNode top = r.body().at("/hits/0");
    assertThat(top.get("externalId").asText()).isEqualTo("wifi-1");
    assertThat(top.get("id").asText()).isNotBlank();
    assertThat(top.get("title").asText()).contains("wireless");
    assertThat(top.get("snippet").asText()).isNotBlank();
    assertThat(top.get("score").asDouble()).isPositive();
    assertThat(r.body().get("hits")).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void chineseInTraditionalScriptFindsTheSimplifiedArticle() {
    ApiClient.Response r =
        server
            .as("agent1")
            .get(
                "/api/v1/kb/search?q="
                    + java.net.URLEncoder.encode(
                        "套件裝不起來", java.nio.charset.StandardCharsets.UTF_8));

    assertThat(externalIds(r.body())).first().isEqualTo("zh-1");
  }

  @Test
  void publicSearchNeedsNoLoginAndShowsOnlyPublicPublishedArticles() {
    ApiClient.Response r =
        server.anonymous().get("/api/v1/kb/public/search?q=voicemail%20PIN&limit=10");

    assertThat(r.status()).isEqualTo(200);
    assertThat(externalIds(r.body())).doesNotContain("pin-1");
    assertThat(server.anonymous().get("/api/v1/kb/search?q=pin").status()).isEqualTo(401);
  }

  @Test
  void authoringKeepsAHistoryAndPublishingIsForSupervisors() {
    ApiClient agent = server.as("agent1");
    ApiClient.Response created =
        agent.post(
            "/api/v1/kb/articles",
            Map.of(
                "title",
                "Printer shows paper jam",
                "resolution",
                "Open the rear tray.",
                "language",
                "en"));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("status").asText()).isEqualTo("DRAFT");
    assertThat(created.body().at("/content/language").asText()).isEqualTo("en");

    ApiClient.Response edited =
        agent.put(
            "/api/v1/kb/articles/" + id,
            Map.of(
                "version",
                1,
                "article",
                Map.of(
                    "title",
                    "Printer paper jam",
                    "resolution",
                    "Open the rear tray.",
                    "language",
                    "en")));
    assertThat(edited.status()).isEqualTo(200);
    assertThat(agent.post("/api/v1/kb/articles/" + id + "/publish", Map.of()).status())
        .isEqualTo(403);
    assertThat(
            server
                .as("supervisor1")
                .post("/api/v1/kb/articles/" + id + "/publish", Map.of())
                .status())
        .isEqualTo(200);
    ApiClient.Response stale =
        agent.put(
            "/api/v1/kb/articles/" + id,
            Map.of("version", 1, "article", Map.of("title", "x", "language", "en")));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("kb_article_version_conflict");

    JsonNode history = agent.get("/api/v1/kb/articles/" + id + "/history").body().get("items");
    assertThat(history).hasSize(3);
    assertThat(history.get(2).get("change").asText()).isEqualTo("published");
  }

  @Test
  void feedbackIsCountedAndTypeAheadSuggestsTitles() {
    ApiClient agent = server.as("agent1");
    String id = agent.get("/api/v1/kb/search?q=voicemail").body().at("/hits/0/id").asText();
    agent.post("/api/v1/kb/articles/" + id + "/feedback", Map.of("kind", "HELPFUL"));
    ApiClient.Response counts =
        agent.post("/api/v1/kb/articles/" + id + "/feedback", Map.of("kind", "HELPFUL"));
    assertThat(counts.body().get("helpful").asInt()).isEqualTo(1);

    JsonNode suggestions = agent.get("/api/v1/kb/suggest?q=voicem").body().get("suggestions");
    assertThat(suggestions.get(0).get("title").asText())
        .isEqualTo("Reset a forgotten voicemail PIN");
  }

  @Test
  void exportGivesJsonLines() {
    ApiClient.Response r = server.as("admin1").send("GET", "/api/v1/kb/export", null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().body().lines()).anyMatch(line -> line.contains("\"id\":\"wifi-1\""));
  }
}
