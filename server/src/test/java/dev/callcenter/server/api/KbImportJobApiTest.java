package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.Poll;
import dev.callcenter.server.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSON Lines imports as background jobs over HTTP: progress, report, cancel, who may. */
class KbImportJobApiTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String lines(String prefix, int count, int badLine) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            n ->
                n == badLine
                    ? "{\"id\":\"" + prefix + n + "\",\"title\":"
                    : "{\"id\":\"%s%d\",\"title\":\"%s headset %d crackles\",\"resolution\":\"Replace the cable.\"}"
                        .formatted(prefix, n, prefix, n))
        .collect(Collectors.joining("\n"));
  }

  private static JsonNode finished(String id) {
    return Poll.until(
        "import job " + id + " finished",
        () -> {
          JsonNode job = server.as("supervisor1").get("/api/v1/kb/import-jobs/" + id).body();
          return job.path("finishedAt").isNull() || job.path("finishedAt").isMissingNode()
              ? Optional.empty()
              : Optional.of(job);
        },
        Duration.ofSeconds(60));
  }

  @Test
  void aJobImportsInTheBackgroundAndReportsTheBadLine() {
    ApiClient.Response started =
        server
            .as("supervisor1")
            .send(
                "POST",
                "/api/v1/kb/import-jobs",
                lines("alpha-", 700, 400),
                "application/x-ndjson");
    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body().path("state").asText()).isIn("QUEUED", "RUNNING");

    JsonNode job = finished(started.body().path("id").asText());

    assertThat(job.path("state").asText()).isEqualTo("DONE");
    assertThat(job.at("/report/created").asInt()).isEqualTo(699);
    assertThat(job.at("/report/linesRead").asInt()).isEqualTo(700);
    assertThat(job.at("/report/errors/0/line").asInt()).isEqualTo(400);
    assertThat(job.at("/report/errors").size()).isEqualTo(1);
    JsonNode hits =
        server.as("agent1").get("/api/v1/kb/search?q=alpha-+headset+699+crackles").body();
    assertThat(hits.at("/hits/0/externalId").asText()).isEqualTo("alpha-699");
    assertThat(
            server.as("supervisor1").get("/api/v1/kb/import-jobs").body().path("jobs").toString())
        .contains(started.body().path("id").asText());
  }

  @Test
  void aCancelledJobKeepsWhatItStoredInTheDatabaseAndTheIndexAlike() {
    ApiClient.Response started =
        server
            .as("supervisor1")
            .send(
                "POST", "/api/v1/kb/import-jobs", lines("gamma-", 5000, 0), "application/x-ndjson");
    String id = started.body().path("id").asText();
    ApiClient.Response cancel = server.as("supervisor1").delete("/api/v1/kb/import-jobs/" + id);
    assertThat(cancel.status()).isEqualTo(202);

    JsonNode job = finished(id);

    assertThat(job.path("state").asText()).isIn("CANCELLED", "DONE");
    int created = job.at("/report/created").asInt();
    // Database: the export holds every stored article; index: each one is found by its number.
    long stored =
        server
            .as("supervisor1")
            .get("/api/v1/kb/export")
            .raw()
            .body()
            .lines()
            .filter(l -> l.contains("\"gamma-"))
            .count();
    assertThat(stored).isEqualTo(created);
    if (job.path("state").asText().equals("CANCELLED")) {
      assertThat(created).isLessThan(5000);
      assertThat(job.at("/report/cancelled").asBoolean()).isTrue();
    }
    for (int n : new int[] {1, created}) {
      if (n >= 1) {
        JsonNode hits =
            server.as("agent1").get("/api/v1/kb/search?q=gamma-+headset+" + n + "+crackles").body();
        assertThat(hits.at("/hits/0/externalId").asText()).isEqualTo("gamma-" + n);
      }
    }
    JsonNode beyond =
        server
            .as("agent1")
            .get("/api/v1/kb/search?q=gamma-+headset+" + (created + 1) + "+crackles")
            .body();
    assertThat(beyond.at("/hits/0/externalId").asText()).isNotEqualTo("gamma-" + (created + 1));
  }

  @Test
  void onlyManagersStartOrSeeImportJobsAndBadIdsAreRefused() {
    assertThat(
            server
                .as("agent1")
                .send("POST", "/api/v1/kb/import-jobs", lines("x-", 1, 0), "application/x-ndjson")
                .status())
        .isEqualTo(403);
    assertThat(server.as("agent1").get("/api/v1/kb/import-jobs").status()).isEqualTo(403);
    ApiClient.Response bad = server.as("supervisor1").get("/api/v1/kb/import-jobs/not-a-uuid");
    assertThat(bad.status()).isEqualTo(400);
    ApiClient.Response missing =
        server.as("supervisor1").get("/api/v1/kb/import-jobs/00000000-0000-0000-0000-000000000000");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("kb_import_not_found");
  }
}
