package dev.callcenter.helpdesk.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.ticket.TicketKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IvrJourneyServiceTest {

  private final TicketKit kit = new TicketKit();
  private final IvrJourneyService journeys =
      new IvrJourneyService(
          new JdbiIvrJourneyRepository(kit.db.jdbi()),
          new JdbiTransactions(kit.db.jdbi()),
          kit.clock);

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void stepsAreKeptInOrderUnderTheCallIdAndTheEndingIsRecorded() {
    long customer = kit.customer("張三", Tier.VIP).id();
    Instant start = kit.clock.instant();

    journeys.start("1795331504.0", "0912345678");
    journeys.append(
        "1795331504.0",
        new IvrStep(
            kit.clock.instant(),
            "identify",
            null,
            IvrStepCode.KNOWN_BY_NUMBER,
            java.util.Map.of("customerId", Long.toString(customer))));
    journeys.identify("1795331504.0", customer, "zh-TW");
    kit.clock.advance(Duration.ofSeconds(4));
    journeys.append(
        "1795331504.0",
        new IvrStep(
            kit.clock.instant(),
            "main",
            "0",
            IvrStepCode.CHOSE,
            java.util.Map.of("value", "agent")));
    journeys.finish("1795331504.0", IvrOutcome.AGENT, "support", 10, null);

    IvrJourney j = journeys.findByCallId("1795331504.0").orElseThrow();
    assertThat(j.customerId()).isEqualTo(customer);
    assertThat(j.language()).isEqualTo("zh-TW");
    assertThat(j.callerNumber()).isEqualTo("0912345678");
    assertThat(j.steps())
        .extracting(IvrStep::menu, IvrStep::input, IvrStep::outcome, IvrStep::params)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "identify",
                null,
                "KNOWN_BY_NUMBER",
                java.util.Map.of("customerId", Long.toString(customer))),
            org.assertj.core.groups.Tuple.tuple(
                "main", "0", "CHOSE", java.util.Map.of("value", "agent")));
    assertThat(j.startedAt()).isEqualTo(start);
    assertThat(j.endedAt()).isEqualTo(start.plusSeconds(4));
    assertThat(j.outcome()).isEqualTo(IvrOutcome.AGENT);
    assertThat(j.queue()).isEqualTo("support");
    assertThat(j.priority()).isEqualTo(10);
    assertThat(j.path())
        .isEqualTo(
            "identify (KNOWN_BY_NUMBER customerId=" + customer + ") > main:0 (CHOSE value=agent)");
  }

  @Test
  void enteringTheMenuAgainKeepsTheEarlierSteps() {
    journeys.start("call-2", "100");
    journeys.append("call-2", "main", "1", "chose ticket-status");
    journeys.start("call-2", "100");
    journeys.append("call-2", "main", "0", "chose agent");

    assertThat(journeys.findByCallId("call-2").orElseThrow().steps()).hasSize(2);
    assertThat(journeys.findByCallId("call-2").orElseThrow().outcome()).isNull();
  }

  @Test
  void appendingToAnUnknownCallIsNotFoundAndUnknownCallsHaveNoJourney() {
    assertThatThrownBy(() -> journeys.append("nope", "main", null, "timeout"))
        .isInstanceOf(NotFoundException.class);
    assertThat(journeys.findByCallId("nope")).isEmpty();
    assertThat(journeys.findByCallId(null)).isEmpty();
  }

  @Test
  void aWholeJourneyIsRecordedAtOnce() {
    Instant t = kit.clock.instant();
    journeys.record(
        new IvrJourney(
            "whole",
            null,
            "+886223456789",
            "en",
            List.of(new IvrStep(t, "language", "2", "en"), new IvrStep(t, "main", "4", "callback")),
            null,
            null,
            null,
            t,
            t.plusSeconds(30),
            IvrOutcome.CALLBACK));

    IvrJourney j = journeys.findByCallId("whole").orElseThrow();
    assertThat(j.steps()).hasSize(2);
    assertThat(j.outcome()).isEqualTo(IvrOutcome.CALLBACK);
    assertThat(j.endedAt()).isEqualTo(t.plusSeconds(30));
  }
}
