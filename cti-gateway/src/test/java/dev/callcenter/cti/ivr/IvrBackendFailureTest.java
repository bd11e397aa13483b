package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import dev.callcenter.cti.ivr.menu.Routing;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiEnding;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing or slow help desk never leaves the caller in silence: an apology and an agent. */
class IvrBackendFailureTest {

  private IvrKit kit;

  @AfterEach
  void close() {
    if (kit != null) {
      kit.close();
    }
  }

  private static String play(String sound) {
    return "STREAM FILE \"" + sound + "\" \"\"";
  }

  @Test
  void databaseStoppedMidCallSendsTheCallerToAnAgentWithAnApology() {
    kit = new IvrKit();
    kit.customer("Ivy Tsai", "zh-TW", Tier.VIP, "0911000010");

    AgiResult r =
        kit.call(
            AgiCaller.from("0911000010")
                .pressing("2")
                .meanwhile(kit.helpdesk.db::close)
                .pressing("1", "777#"));

    assertThat(r.ending()).isInstanceOf(AgiEnding.ScriptReturned.class);
    assertThat(r.commands())
        .as("the caller chose a product and a serial, then the ticket could not be created")
        .containsSubsequence(
            "GET DATA \"" + kit.menuSound("product", "zh-TW") + "\" 5000 1",
            "GET DATA \"" + kit.menuSound("serial", "zh-TW") + "\" 6000 20",
            play(kit.sound("apology", "zh-TW")),
            play(kit.sound("transfer", "zh-TW")));
    assertThat(r.variables())
        .containsEntry("CC_NEXT", "queue")
        .containsEntry("CC_QUEUE", "support")
        .as("the caller was identified as VIP before the database stopped")
        .containsEntry("QUEUE_PRIO", "10")
        .doesNotContainKey("CC_TICKET_ID");
  }

  @Test
  void databaseDownFromTheStartStillAnswersWithAnApologyAndAnAgent() {
    kit = new IvrKit();
    kit.helpdesk.db.close();

    AgiResult r = kit.call(AgiCaller.from("0911000011"));

    assertThat(r.commands())
        .containsSubsequence(
            play(kit.sound("welcome", "zh-TW")),
            play(kit.sound("apology", "zh-TW")),
            play(kit.sound("transfer", "zh-TW")));
    assertThat(r.variables())
        .containsEntry("CC_NEXT", "queue")
        .containsEntry("CC_QUEUE", "support")
        .containsEntry("QUEUE_PRIO", "0");
    assertThat(r.agiStatus()).isEqualTo("SUCCESS");
  }

  @Test
  void aQueryStuckBehindALockTimesOutIntoAnApologyAndTheCallerIsServedByAnAgent() {
    IvrMenus shipped = IvrMenusLoader.load(IvrKit.MENUS);
    IvrMenus impatient =
        new IvrMenus(
            shipped.languages(),
            shipped.defaultLanguage(),
            shipped.channelLanguage(),
            shipped.sayDateTimeFormat(),
            shipped.timeZone(),
            shipped.technicianVisit(),
            shipped.sayTimeFormat(),
            shipped.technicianNames(),
            Duration.ofMillis(300),
            shipped.maxTicketsSpoken(),
            shipped.surveyAsksSolved(),
            shipped.surveyAfterResolved(),
            shipped.prompts(),
            shipped.menus(),
            shipped.routing());
    kit = new IvrKit(impatient, List.of("127.0.0.1"));
    Customer c = kit.customer("Jay Ho", "en", Tier.STANDARD, "0911000012");
    // a first call warms up the JVM (Jdbi's SQL objects) so 300 ms measure the lock, not start-up
    kit.call(AgiCaller.from("0911000012").pressing("2", "1", "#", "0"));
    AgiCall call;

    try (Handle blocker = kit.helpdesk.db.jdbi().open()) {
      blocker.begin();
      blocker.execute("lock table ticket in share mode");

      call = kit.start(AgiCaller.from("0911000012").pressing("2", "1", "#"));
      AgiResult r = IvrKit.result(call);

      assertThat(r.commands())
          .containsSubsequence(play(kit.sound("apology", "en")), play(kit.sound("transfer", "en")));
      assertThat(r.variables())
          .containsEntry("CC_CUSTOMER_ID", Long.toString(c.id()))
          .containsEntry("CC_NEXT", "queue");
      blocker.rollback();
    }
    assertThat(kit.journeys.findByCallId(call.uniqueid()).orElseThrow().steps())
        .extracting(s -> s.menu() + " " + s.outcome() + " " + s.params())
        // the timeout's details go to the server log; the journey keeps codes only
        .containsSubsequence(
            "back-end FAILED {}",
            "agent TO_AGENT {priority=0, queue=support, reason=BACKEND_FAILURE}");
  }

  @Test
  void aCallbackThatCannotBeStoredStillEndsWithAnApologyAndAnAgent() {
    IvrMenus shipped = IvrMenusLoader.load(IvrKit.MENUS);
    Routing r = shipped.routing();
    IvrMenus noOwner =
        new IvrMenus(
            shipped.languages(),
            shipped.defaultLanguage(),
            shipped.channelLanguage(),
            shipped.sayDateTimeFormat(),
            shipped.timeZone(),
            shipped.technicianVisit(),
            shipped.sayTimeFormat(),
            shipped.technicianNames(),
            shipped.backendTimeout(),
            shipped.maxTicketsSpoken(),
            shipped.surveyAsksSolved(),
            shipped.surveyAfterResolved(),
            shipped.prompts(),
            shipped.menus(),
            new Routing(
                r.defaultQueue(),
                r.queueByLanguage(),
                r.queueByProduct(),
                r.vipPriority(),
                r.standardPriority(),
                "owner-who-left",
                r.callbackDue(),
                r.faultTeam()));
    kit = new IvrKit(noOwner, List.of("127.0.0.1"));
    Customer c = kit.customer("Oli Fan", "zh-TW", Tier.STANDARD, "0911000013");
    kit.helpdesk.execute("update app_user set active = false where username = 'owner-who-left'");

    AgiResult result = kit.call(AgiCaller.from("0911000013").pressing("4", "1"));

    assertThat(result.commands())
        .containsSubsequence(
            play(kit.sound("apology", "zh-TW")), play(kit.sound("transfer", "zh-TW")));
    assertThat(result.variables())
        .containsEntry("CC_NEXT", "queue")
        .containsEntry("CC_CUSTOMER_ID", Long.toString(c.id()));
    assertThat(kit.followUps.forCustomer(c.id())).isEmpty();
  }
}
