package dev.callcenter.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.cti.live.QueueFigures;
import dev.callcenter.cti.pop.AgentNotifier;
import dev.callcenter.cti.push.FollowUpMessage;
import dev.callcenter.cti.push.QueueStatsMessage;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.followup.FollowUpStatus;
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

  Instant AT = Instant.parse("2026-12-06T01:00:00Z");

  /** A follow-up message whose title is {@code marker}. */
  private static FollowUpMessage followUp(String marker) {
    return new FollowUpMessage(
        AT,
        new FollowUp(
            1,
            marker,
            null,
            AT,
            1,
            "Owner",
            null,
            null,
            null,
            null,
            FollowUpStatus.OPEN,
            null,
            AT,
            AT,
            null,
            null,
            null,
            false,
            false,
            null,
            null));
  }

  /** Queue figures of a queue named {@code marker}. */
  private static QueueStatsMessage queueStats(String marker) {
    return new QueueStatsMessage(
        AT, new QueueFigures(marker, AT, 0, 0, Map.of(), 0, 0, 0, 20, null, null));
  }

  private static boolean has(JsonNode message, String marker) {
    JsonNode data = message.path("data");
    return marker.equals(data.path("title").asText()) || marker.equals(data.path("queue").asText());
  }

  @Test
  default void aMessageForAPersonReachesEachOfTheirScreensAndNobodyElse() throws Exception {
    try (WsClient desk = screenOf("agent1");
        WsClient phone = screenOf("agent1");
        WsClient colleague = screenOf("agent2")) {
      String forAgent1 = UUID.randomUUID().toString();
      String forAgent2 = UUID.randomUUID().toString();

      notifier().toUser(userId("agent1"), followUp(forAgent1));
      notifier().toUser(userId("agent2"), followUp(forAgent2));

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

      notifier().toSupervisors(queueStats(figures));
      notifier().toUser(userId("agent1"), followUp(later));

      assertThat(wallboard.await("queue-stats", m -> has(m, figures))).isNotNull();
      assertThat(agent.await("follow-up", m -> has(m, later))).isNotNull();
      assertThat(agent.unclaimed()).noneMatch(m -> has(m, figures));
    }
  }

  @Test
  default void aPersonWithNoOpenScreenIsNotAnError() {
    assertThatCode(() -> notifier().toUser(987_654_321L, followUp("nobody")))
        .doesNotThrowAnyException();
  }
}
