package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.server.field.FieldKit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent who takes a call from a customer with a technician visit coming sees it on the screen
 * pop and in the customer view: status, window, technician, and whether they are late (issue 15).
 */
class FieldVisitPopTest {

  private static CtiTestKit cti;

  @BeforeAll
  static void start() throws Exception {
    cti = new CtiTestKit().connected();
  }

  @AfterAll
  static void stop() {
    if (cti != null) {
      cti.close();
    }
  }

  @Test
  void theCallersOpenAndNextVisitsAreOnThePopAndInTheCustomerView() throws Exception {
    FieldKit field = new FieldKit(cti.server);
    long tech = field.technician("tech1");
    long customer = field.customer("到府客戶", "02-2700-1234");
    Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    Instant past = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    long late = field.scheduled(field.ticket(customer, "冷氣不冷"), null, tech, past);
    long next = field.scheduled(field.ticket(customer, "冰箱"), null, tech, soon);

    try (WsClient one = WsClient.connect(cti.server.baseUrl(), cti.server.as("agent1").token())) {
      one.await("hello");
      CallHandle call =
          cti.sim
              .calls()
              .inboundQueueCall("0227001234", "Caller", "support")
              .answeredBy(
                  "PJSIP/1001", Duration.ofSeconds(3), Duration.ofSeconds(5), HangupBy.CALLER);
      cti.time.advance(Duration.ofMillis(500));
      JsonNode pop =
          one.await(
                  "screen-pop", m -> m.path("data").path("callId").asText().equals(call.linkedid()))
              .at("/data/pop/extras/dispatch");
      assertThat(pop.size()).as(pop.toString()).isEqualTo(2);
      assertThat(pop.at("/0/orderId").asLong()).isEqualTo(late);
      assertThat(pop.at("/0/late").asBoolean()).isTrue();
      assertThat(pop.at("/1/orderId").asLong()).isEqualTo(next);
      assertThat(pop.at("/1/status").asText()).isEqualTo("SCHEDULED");
      assertThat(pop.at("/1/technician").asText()).isEqualTo("tech1");
      assertThat(pop.at("/1/late").asBoolean()).isFalse();
      assertThat(pop.at("/1/windowStart").asText()).isEqualTo(soon.toString());
    }

    JsonNode view = field.agent.get("/api/v1/customers/" + customer + "/dispatch-orders").body();
    assertThat(view.at("/items/1/orderId").asLong()).isEqualTo(next);
    assertThat(field.agent.get("/api/v1/customers/999999/dispatch-orders").status()).isEqualTo(404);
  }
}
