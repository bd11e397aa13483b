package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ivr.IvrJourney;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.scenario.IvrCallHandle;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's IVR-then-queue call (the sample dialplan) against the real IVR server: the call
 * queues where the IVR said, and its Linkedid, which every AMI event of the queue call carries,
 * finds the caller's journey for the screen pop.
 */
class IvrThenQueueEndToEndTest {

  private final IvrKit kit = new IvrKit();
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
  private final PbxSimulator sim = PbxSimulator.start(AmiConfig.defaults(), time);

  @AfterEach
  void stop() {
    sim.close();
    kit.close();
  }

  @Test
  void vipCallerPressingZeroQueuesFirstInLineAndThePopFindsTheJourneyByLinkedid() throws Exception {
    sim.pbx().addQueue("support");
    sim.pbx().addQueue("support-en");
    sim.pbx().addMember("support-en", "PJSIP/1001", "Agent 1001");
    Customer vip = kit.customer("Mia Kao", "en", Tier.VIP, "0911000030");

    IvrCallHandle call =
        sim.calls()
            .ivrThenQueue(kit.url("ivr"), "0911000030", "Mia Kao", "100", "0")
            .answeredBy("PJSIP/1001");
    call.ivr().get(20, TimeUnit.SECONDS);
    time.runDue();

    assertThat(call.queued().get(5, TimeUnit.SECONDS))
        .contains(new IvrCallHandle.Queued("support-en", 10));
    IvrJourney j = kit.journeys.findByCallId(call.linkedid()).orElseThrow();
    assertThat(j.customerId()).isEqualTo(vip.id());
    assertThat(j.outcome()).isEqualTo(IvrOutcome.AGENT);
    assertThat(j.queue()).isEqualTo("support-en");
    assertThat(j.path()).contains("main:0 (CHOSE value=agent)");
    time.advance(Duration.ofSeconds(10));
    call.finished().get(5, TimeUnit.SECONDS);
  }
}
