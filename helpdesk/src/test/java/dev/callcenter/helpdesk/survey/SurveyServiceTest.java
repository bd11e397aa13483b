package dev.callcenter.helpdesk.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SurveyServiceTest {

  private final TicketKit kit = new TicketKit();
  private final SurveyService surveys =
      new SurveyService(new JdbiSurveyRepository(kit.db.jdbi()), kit.clock);

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void answerIsStoredAgainstTheCallsInteractionAgentQueueAndTicket() {
    long customer = kit.customer("Ann", Tier.STANDARD).id();
    long interaction =
        kit.interactions
            .record(
                new InteractionDraft(
                    customer,
                    Channel.PHONE_IN,
                    null,
                    null,
                    null,
                    "IVR",
                    new CallDetails(
                        "c1", "c1", "support", "0912", null, null, null, null, null, null, null)),
                null)
            .id();
    long ticket = kit.open(TicketType.FAULT_REPORT, Priority.NORMAL, customer, null).id();

    SurveyAnswer a =
        surveys.record(
            new SurveyAnswerDraft("c1", customer, "PJSIP/1001", "support", ticket, 4, true));

    assertThat(a.interactionId()).isEqualTo(interaction);
    assertThat(a.ticketId()).isEqualTo(ticket);
    assertThat(a.customerId()).isEqualTo(customer);
    assertThat(a.agent()).isEqualTo("PJSIP/1001");
    assertThat(a.answeredAt()).isEqualTo(kit.clock.instant());
    assertThat(surveys.forCall("c1")).containsExactly(a);
    assertThat(surveys.answeredForTicket(ticket)).isTrue();
    assertThat(surveys.answeredForTicket(ticket + 1000)).isFalse();
  }

  @Test
  void unknownTicketOrCustomerIdsAreDroppedNotFatal() {
    SurveyAnswer a =
        surveys.record(new SurveyAnswerDraft("c2", 999_999L, null, "support", 888_888L, 3, null));

    assertThat(a.customerId()).isNull();
    assertThat(a.ticketId()).isNull();
    assertThat(a.interactionId()).isNull();
    assertThat(a.solved()).isNull();
  }

  @Test
  void resultsPerAgentQueueAndProduct() {
    long customer = kit.customer("Bo", Tier.STANDARD).id();
    long router =
        kit.tickets
            .create(
                new TicketDraft(
                    TicketType.FAULT_REPORT,
                    "router dead",
                    null,
                    null,
                    customer,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "router",
                    null,
                    null),
                null)
            .id();
    Instant from = kit.clock.instant();
    surveys.record(new SurveyAnswerDraft("a", null, "PJSIP/1001", "support", router, 5, true));
    surveys.record(new SurveyAnswerDraft("b", null, "PJSIP/1001", "support", null, 3, false));
    surveys.record(new SurveyAnswerDraft("c", null, "PJSIP/1002", "sales", null, 2, null));
    Instant to = kit.clock.instant().plus(Duration.ofMinutes(1));

    assertThat(surveys.results(SurveyGrouping.AGENT, from, to))
        .containsExactly(
            new SurveyResult("PJSIP/1001", 2, 4.0, 0.5),
            new SurveyResult("PJSIP/1002", 1, 2.0, null));
    assertThat(surveys.results(SurveyGrouping.QUEUE, from, to))
        .containsExactly(
            new SurveyResult("support", 2, 4.0, 0.5), new SurveyResult("sales", 1, 2.0, null));
    assertThat(surveys.results(SurveyGrouping.PRODUCT, from, to))
        .containsExactly(new SurveyResult("router", 1, 5.0, 1.0));
    assertThat(surveys.results(SurveyGrouping.AGENT, to, to.plusSeconds(60))).isEmpty();
  }

  @Test
  void ratingOutsideOneToFiveIsRejected() {
    assertThatThrownBy(() -> new SurveyAnswerDraft("c", null, null, null, null, 6, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("between 1 and 5");
  }
}
