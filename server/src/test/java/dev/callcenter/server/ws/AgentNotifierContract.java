package dev.callcenter.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.cti.pop.AgentNotifier;
import dev.callcenter.cti.pop.CtiMessage;
import dev.callcenter.server.WsClient;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AgentNotifier} must do, run against each implementation (this node's WebSocket
 * hub today, a cluster-wide one later): messages go to people, each of their open screens, and to
 * nobody else. The screens are real WebSocket clients of a real server.
 */
public interface AgentNotifierContract {

  AgentNotifier notifier();

  /** A new screen (WebSocket) of {@code username}, one of the demo users. */
  WsClient screenOf(String username);

  long userId(String username);

  private static CtiMessage marked(String type, String marker) {
    return new CtiMessage(type, Instant.parse("2026-12-06T01:00:00Z"), Map.of("marker", marker));
  }

  private static boolean has(JsonNode message, String marker) {
    return marker.equals(message.path("data").path("marker").asText());
  }

  @Test
  default void aMessageForAPersonReachesEachOfTheirScreensAndNobodyElse() throws Exception {
    try (WsClient desk = screenOf("agent1");
        WsClient phone = screenOf("agent1");
        WsClient colleague = screenOf("agent2")) {
      String forAgent1 = UUID.randomUUID().toString();
      String forAgent2 = UUID.randomUUID().toString();

      notifier().toUser(userId("agent1"), marked("follow-up", forAgent1));
      notifier().toUser(userId("agent2"), marked("follow-up", forAgent2));

      assertThat(desk.await("follow-up", m -> has(m, forAgent1))).isNotNull();
      assertThat(phone.await("follow-up", m -> has(m, forAgent1))).isNotNull();
      // agent2's own message came after agent1's on the same hub: anything for agent1 is here now.
      assertThat(colleague.await("follow-up", m -> has(m, forAgent2))).isNotNull();
      assertThat(colleague.unclaimed()).noneMatch(m -> has(m, forAgent1));
    }
  }

  @Test
  default void wallboardMessagesReachSupervisorsOnly() throws Exception {
    try (WsClient wallboard = screenOf("supervisor1");
        WsClient agent = screenOf("agent1")) {
      String figures = UUID.randomUUID().toString();
      String later = UUID.randomUUID().toString();

      notifier().toSupervisors(marked("queue-stats", figures));
      notifier().toUser(userId("agent1"), marked("follow-up", later));

      assertThat(wallboard.await("queue-stats", m -> has(m, figures))).isNotNull();
      assertThat(agent.await("follow-up", m -> has(m, later))).isNotNull();
      assertThat(agent.unclaimed()).noneMatch(m -> has(m, figures));
    }
  }

  @Test
  default void aPersonWithNoOpenScreenIsNotAnError() {
    assertThatCode(() -> notifier().toUser(987_654_321L, marked("follow-up", "nobody")))
        .doesNotThrowAnyException();
  }
}
