package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.scenario.CallHandle;
import dev.callcenter.pbxsim.scenario.HangupBy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.junit.jupiter.api.Test;

/** The demo and benchmark mode: scenarios on the wall clock. */
class WallClockScenarioTest {

  @Test
  void aShortAnsweredCallPlaysOutOnTheRealScheduler() throws Exception {
    try (PbxSimulator sim = PbxSimulator.start(AmiConfig.defaults())) {
      sim.pbx().addQueue("support");
      sim.pbx().addMember("support", "PJSIP/1001", "Agent 1001");
      try (AsteriskJavaClient client = AsteriskJavaClient.loggedIn(sim)) {
        CallHandle call =
            sim.calls()
                .inboundQueueCall("0912345678", "張三", "support")
                .answeredBy(
                    "PJSIP/1001", Duration.ofMillis(50), Duration.ofMillis(50), HangupBy.CALLER);

        call.finished().get(5, TimeUnit.SECONDS);

        AgentCompleteEvent complete = client.await(AgentCompleteEvent.class);
        assertThat(complete.getReason()).isEqualTo("caller");
        assertThat(complete.getLinkedId()).isEqualTo(call.linkedid());
        assertThat(sim.pbx().channels()).isEmpty();
      }
    }
  }
}
