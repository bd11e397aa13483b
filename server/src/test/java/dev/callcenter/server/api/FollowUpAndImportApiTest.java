package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FollowUpAndImportApiTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void csvImportStoresGoodRowsAndReportsBadOnesByRowAndColumn() {
    String csv =
        "external_ref,name,language,phone_mobile\r\n"
            + "R1,周杰,zh-TW,0911-111-111\r\n"
            + "R2,,zh-TW,0911-111-112\r\n"
            + "R3,Bad Phone,en,not-a-phone\r\n"
            + "R4,Ann Lee,en,+1 415 555 0100\r\n";
    ApiClient.Response r =
        server.as("supervisor1").send("POST", "/api/v1/customers/import", csv, "text/csv");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("created").asInt()).isEqualTo(2);
    JsonNode errors = r.body().get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("name");
    assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
    assertThat(errors.get(1).get("field").asText()).isEqualTo("phone_mobile");
    ApiClient agent = server.as("agent1");
    assertThat(agent.get("/api/v1/customers/lookup?phone=0911111111").body().get("result").asText())
        .isEqualTo("KNOWN");
    assertThat(agent.get("/api/v1/customers/lookup?phone=0911111112").body().get("result").asText())
        .isEqualTo("UNKNOWN");
  }

  @Test
  void csvImportIsForSupervisorsAndRejectsUnknownColumns() {
    assertThat(
            server
                .as("agent1")
                .send("POST", "/api/v1/customers/import", "name\nX\n", "text/csv")
                .status())
        .isEqualTo(403);
    ApiClient.Response r =
        server
            .as("admin1")
            .send("POST", "/api/v1/customers/import", "name,shoe_size\nX,42\n", "text/csv");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("csv_unknown_columns");
    assertThat(r.body().at("/error/message").asText()).contains("shoe_size");
  }

  @Test
  void overdueFollowUpIsListedAndCompletingItPutsANoteOnTheTimeline() {
    ApiClient agent = server.as("agent1");
    long me = agent.get("/api/v1/auth/me").body().at("/user/id").asLong();
    long customer =
        agent.post("/api/v1/customers", Map.of("name", "跟催客戶")).body().get("id").asLong();
    ApiClient.Response created =
        agent.post(
            "/api/v1/follow-ups",
            Map.of(
                "title",
                "Call back about the refund",
                "dueAt",
                Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "ownerId",
                me,
                "customerId",
                customer));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();

    JsonNode overdue = agent.get("/api/v1/follow-ups/overdue").body().get("items");
    assertThat(overdue).anySatisfy(f -> assertThat(f.get("id").asLong()).isEqualTo(id));

    ApiClient.Response done =
        agent.post("/api/v1/follow-ups/" + id + "/complete", Map.of("note", "Refund confirmed"));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().get("status").asText()).isEqualTo("DONE");
    JsonNode timeline =
        agent.get("/api/v1/customers/" + customer + "/interactions").body().get("items");
    assertThat(timeline).hasSize(1);
    assertThat(timeline.get(0).get("summary").asText()).isEqualTo("Refund confirmed");
    assertThat(timeline.get(0).get("event").asText()).isEqualTo("FOLLOW_UP_DONE");
    assertThat(timeline.get(0).at("/eventParams/followUpId").asLong()).isEqualTo(id);

    ApiClient.Response again =
        agent.post("/api/v1/follow-ups/" + id + "/complete", Map.of("note", "twice"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("follow_up_not_open");
    assertThat(agent.get("/api/v1/customers/" + customer + "/interactions").body().get("items"))
        .hasSize(1);
  }

  @Test
  void agentsCannotReadOtherAgentsLists() {
    long supervisorId =
        server.as("supervisor1").get("/api/v1/auth/me").body().at("/user/id").asLong();
    assertThat(server.as("agent2").get("/api/v1/follow-ups?ownerId=" + supervisorId).status())
        .isEqualTo(403);
  }
}
