package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.survey.SurveyAnswer;
import dev.callcenter.helpdesk.survey.SurveyGrouping;
import dev.callcenter.helpdesk.survey.SurveyResult;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The survey after the agent hangs up, on the same channel as the IVR call before it. */
class SurveyFlowTest {

  private static IvrKit kit;

  @BeforeAll
  static void start() {
    kit = new IvrKit();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @Test
  void ratingAndSolvedAreStoredAgainstTheCallInteractionAgentQueueAndTicket() {
    Customer c = kit.customer("Kim Yu", "en", Tier.STANDARD, "0911000020");
    Instant from = kit.helpdesk.clock.instant();
    AgiCall ivr = kit.start(AgiCaller.from("0911000020").pressing("2", "1", "#", "0"));
    AgiResult first = IvrKit.result(ivr);
    String ticket = first.variables().get("CC_TICKET_ID");

    AgiResult survey =
        IvrKit.result(
            kit.agi.callOnChannel(
                ivr,
                kit.url("survey"),
                AgiCaller.from("0911000020").args("PJSIP/1001", "support-en").pressing("4", "1")));

    assertThat(survey.commands())
        .containsSubsequence(
            "SET VARIABLE CHANNEL(language) \"en\"",
            "GET DATA \"" + kit.menuSound("survey-rating", "en") + "\" 5000 1",
            "GET DATA \"" + kit.menuSound("survey-solved", "en") + "\" 5000 1",
            "STREAM FILE \"" + kit.sound("survey-thanks", "en") + "\" \"\"");
    SurveyAnswer a = kit.surveys.forCall(ivr.uniqueid()).getFirst();
    assertThat(a.rating()).isEqualTo(4);
    assertThat(a.solved()).isTrue();
    assertThat(a.customerId()).isEqualTo(c.id());
    assertThat(a.agent()).isEqualTo("PJSIP/1001");
    assertThat(a.queue()).isEqualTo("support-en");
    assertThat(a.ticketId()).isEqualTo(Long.parseLong(ticket));
    assertThat(a.interactionId())
        .isEqualTo(kit.helpdesk.interactions.forCustomer(c.id(), 1, 0).getFirst().id());
    assertThat(kit.journeys.findByCallId(ivr.uniqueid()).orElseThrow().path())
        .as("the survey's keys join the call's journey")
        .endsWith("survey-rating:4 (CHOSE value=4) > survey-solved:1 (CHOSE value=yes)");
    assertThat(
            kit.surveys.results(
                SurveyGrouping.PRODUCT,
                from,
                kit.helpdesk.clock.instant().plus(Duration.ofHours(1))))
        .contains(new SurveyResult("Fiber router", 1, 4.0, 1.0));
  }

  @Test
  void surveyNamedByUrlParametersWithoutAnIvrJourneyFindsTheCallerByNumber() {
    Customer c = kit.customer("Lin Bo", "zh-TW", Tier.STANDARD, "0911000021");

    AgiCall call =
        kit.agi.call(
            kit.url("survey?agent=PJSIP%2F1002&queue=support"),
            AgiCaller.from("0911000021").pressing("2", "2"));
    IvrKit.result(call);

    SurveyAnswer a = kit.surveys.forCall(call.uniqueid()).getFirst();
    assertThat(a.customerId()).isEqualTo(c.id());
    assertThat(a.agent()).isEqualTo("PJSIP/1002");
    assertThat(a.queue()).isEqualTo("support");
    assertThat(a.rating()).isEqualTo(2);
    assertThat(a.solved()).isFalse();
    assertThat(kit.journeys.findByCallId(call.uniqueid())).isEmpty();
  }

  @Test
  void noRatingStoresNothingAndInvalidKeysAreReprompted() {
    AgiCall silent =
        kit.agi.call(
            kit.url("survey"), AgiCaller.from("0911000022").pressing("9", AgiCaller.TIMEOUT));
    AgiResult r = IvrKit.result(silent);

    assertThat(r.commands())
        .contains("STREAM FILE \"" + kit.sound("invalid", "zh-TW") + "\" \"\"")
        .contains("STREAM FILE \"" + kit.sound("goodbye", "zh-TW") + "\" \"\"");
    assertThat(kit.surveys.forCall(silent.uniqueid())).isEmpty();
  }

  @Test
  void callerHangingUpInTheSurveyIsANormalEnd() {
    AgiCall gone = kit.agi.call(kit.url("survey"), AgiCaller.from("0911000023").hangUpAt(1));

    assertThat(IvrKit.result(gone).agiStatus()).isEqualTo("HANGUP");
    assertThat(kit.surveys.forCall(gone.uniqueid())).isEmpty();
  }
}
