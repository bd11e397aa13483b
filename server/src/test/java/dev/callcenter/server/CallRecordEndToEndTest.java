package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report facts written by the real gateway: a call record for every queue call (unknown callers
 * and abandons included) and the agents' state log, from the PBX simulator over AMI.
 */
class CallRecordEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static CtiTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = new CtiTestKit(true);
    kit.connected();
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  private static Map<String, Object> record(CallHandle call) {
    return Poll.until(
        "call record of " + call.linkedid(),
        () ->
            kit.server
                .services()
                .database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("select * from call_record where call_id = :id")
                            .bind("id", call.linkedid())
                            .mapToMap()
                            .findOne()),
        WAIT);
  }

  @Test
  void anAnsweredVipCallAndAnAbandonedUnknownCallerAreBothCounted() {
    Customer vip = kit.customer("記錄 VIP", "02-2999-0001");
    kit.server.services().customers().setTierOverride(vip.id(), Tier.VIP);

    CallHandle answered =
        kit.sim
            .calls()
            .inboundQueueCall("0229990001", "", "support")
            .answeredBy(
                "PJSIP/1001", Duration.ofSeconds(3), Duration.ofSeconds(42), HangupBy.CALLER);
    kit.time.advance(Duration.ofMillis(500));
    kit.time.advance(Duration.ofSeconds(3));
    kit.time.advance(Duration.ofSeconds(42));
    Map<String, Object> a = record(answered);
    assertThat(a.get("outcome")).isEqualTo("ANSWERED");
    assertThat(a.get("tier")).isEqualTo("VIP");
    assertThat(a.get("customer_id")).isEqualTo(vip.id());
    assertThat(a.get("agent_id")).isEqualTo(kit.agent1);
    assertThat(a.get("talk_seconds")).isEqualTo(42);
    assertThat((Integer) a.get("wait_seconds")).isBetween(3, 4);
    assertThat(a.get("transferred_out")).isEqualTo(false);

    CallHandle abandoned =
        kit.sim
            .calls()
            .inboundQueueCall("0987000111", "", "support")
            .abandonedAfter(Duration.ofSeconds(2), "PJSIP/1002");
    kit.time.advance(Duration.ofMillis(500));
    kit.time.advance(Duration.ofSeconds(2));
    Map<String, Object> b = record(abandoned);
    assertThat(b.get("outcome")).isEqualTo("ABANDONED");
    assertThat(b.get("customer_id")).isNull();
    assertThat(b.get("tier")).isEqualTo("STANDARD");
    assertThat(b.get("agent_id")).isNull();
    assertThat((Integer) b.get("wait_seconds")).isBetween(2, 3);

    List<String> states =
        Poll.until(
            "agent1's on-call state in the log",
            () -> {
              List<String> s =
                  kit.server
                      .services()
                      .database()
                      .jdbi()
                      .withHandle(
                          h ->
                              h.createQuery(
                                      "select state from agent_state_log where user_id = :u"
                                          + " and (call_id = :c or call_id is null) order by id")
                                  .bind("u", kit.agent1)
                                  .bind("c", answered.linkedid())
                                  .mapTo(String.class)
                                  .list());
              return s.contains("ON_CALL") ? Optional.of(s) : Optional.empty();
            },
            WAIT);
    assertThat(states).contains("RINGING", "ON_CALL");
    long open =
        kit.server
            .services()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from agent_state_log where user_id = :u"
                                + " and ended_at is null")
                        .bind("u", kit.agent1)
                        .mapTo(Long.class)
                        .one());
    assertThat(open).as("one open state per agent").isEqualTo(1L);
  }
}
