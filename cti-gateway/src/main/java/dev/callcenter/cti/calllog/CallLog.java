package dev.callcenter.cti.calllog;

import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.live.AgentDirectory;
import dev.callcenter.cti.live.AgentRef;
import dev.callcenter.cti.live.CallView;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.followup.CallbackDraft;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.followup.FollowUpKind;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.report.CallRecord;
import dev.callcenter.helpdesk.report.ReportFacts;
import dev.callcenter.helpdesk.report.StateChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every queue call on the customer's timeline: an interaction when an agent answers, closed with
 * the call's durations when it ends, and for a missed call of a known customer an interaction and a
 * callback follow-up for the agent who was rung last (else the configured owner).
 */
public final class CallLog {
  private static final Logger log = LoggerFactory.getLogger(CallLog.class);

  private final AgentDirectory directory;
  private final InteractionService interactions;
  private final FollowUpService followUps;
  private final LongSupplier callbackOwner;
  private final Duration callbackDue;
  private final ReportFacts facts;
  private final Clock clock;

  /**
   * @param callbackOwner the user who gets callbacks for missed calls no agent was rung for (0 for
   *     nobody)
   * @param callbackDue how soon a callback follow-up is due
   */
  public CallLog(
      AgentDirectory directory,
      InteractionService interactions,
      FollowUpService followUps,
      LongSupplier callbackOwner,
      Duration callbackDue,
      ReportFacts facts,
      Clock clock) {
    this.directory = directory;
    this.interactions = interactions;
    this.followUps = followUps;
    this.callbackOwner = callbackOwner;
    this.callbackDue = callbackDue;
    this.facts = facts;
    this.clock = clock;
  }

  /**
   * Records the answered call, by {@code agent}, on the customer's timeline; its id. Each agent who
   * answers a transferred call gets an interaction of their own.
   */
  public long answered(AgentRef agent, CallView call, Long customerId) {
    CallView.Transfer from = call.transferredFrom();
    Map<String, String> params = new TreeMap<>();
    if (from != null) {
      if (from.userId() != null) {
        params.put("transferredFromId", Long.toString(from.userId()));
      }
      if (from.agentName() != null) {
        params.put("transferredFromName", from.agentName());
      }
      if (from.queue() != null) {
        params.put("transferredFromQueue", from.queue());
      }
    }
    return interactions
        .recordEvent(
            new InteractionDraft(
                customerId,
                Channel.PHONE_IN,
                Direction.INBOUND,
                call.answeredAt(),
                null,
                null,
                details(call)),
            agent.userId(),
            InteractionEvent.ANSWERED,
            params)
        .id();
  }

  /**
   * Closes the interaction of an agent's part of a call with its durations: when the call ends, or
   * when that agent transferred it.
   */
  public void ended(long interactionId, CallView call) {
    interactions.endCall(interactionId, call.endedAt(), details(call));
  }

  /**
   * Counts an agent's part of a call for the reports (docs/metrics.md): one answered offer of the
   * call to its queue, transferred in when an agent put it there, transferred out when this agent
   * passed it on.
   */
  public void answeredOffer(AgentRef agent, CallView leg, Long customerId, Tier tier) {
    Instant offered = offeredAt(leg);
    count(
        new CallRecord(
            leg.callId(),
            leg.queue(),
            customerId,
            tier,
            offered,
            leg.answeredAt(),
            leg.endedAt() == null ? clock.instant() : leg.endedAt(),
            CallRecord.Outcome.ANSWERED,
            (int) leg.waitSeconds(),
            (int) leg.talkSeconds(),
            (int) leg.holdSeconds(),
            agent.userId(),
            leg.transferredFrom() != null,
            leg.endedBy() == CallCompleted.EndedBy.TRANSFER));
  }

  /** Counts a call nobody answered for the reports, known caller or not. */
  public void unansweredOffer(CallView call, Long customerId, Tier tier) {
    count(
        new CallRecord(
            call.callId(),
            call.queue(),
            customerId,
            tier,
            offeredAt(call),
            null,
            call.endedAt() == null ? clock.instant() : call.endedAt(),
            call.abandoned() ? CallRecord.Outcome.ABANDONED : CallRecord.Outcome.UNANSWERED,
            (int) call.waitSeconds(),
            null,
            null,
            null,
            call.transferredFrom() != null,
            false));
  }

  /**
   * The agent's state changed, once or more (oldest first): the log that time in state and
   * occupancy are read from.
   */
  public void agentStates(long userId, List<StateChange> changes) {
    try {
      facts.agentStates(userId, changes);
    } catch (RuntimeException e) {
      log.error(
          "Agent {}: {} state changes from {} not logged for the reports",
          userId,
          changes.size(),
          changes.get(0).at(),
          e);
    }
  }

  /**
   * Stores a call record; a failure costs the reports one row and is logged, the call's own work
   * (its interaction, the agent's screen, a callback) goes on.
   */
  private void count(CallRecord record) {
    try {
      facts.recordCall(record);
    } catch (RuntimeException e) {
      log.error("Call {} not counted for the reports", record.callId(), e);
    }
  }

  /** When the call entered the queue it is counted in: after a transfer, when it was put there. */
  private Instant offeredAt(CallView call) {
    if (call.transferredFrom() != null && call.transferredFrom().at() != null) {
      return call.transferredFrom().at();
    }
    if (call.queuedAt() != null) {
      return call.queuedAt();
    }
    return call.offeredAt() != null ? call.offeredAt() : clock.instant();
  }

  /**
   * A call nobody answered, from a known customer: on their timeline, and a callback follow-up.
   *
   * @return the callback, for its owner's screen; empty when nobody can own it
   */
  public Optional<FollowUp> missed(CallView call, long customerId) {
    InteractionEvent what =
        call.abandoned() ? InteractionEvent.ABANDONED : InteractionEvent.UNANSWERED;
    interactions.recordEvent(
        new InteractionDraft(
            customerId,
            Channel.PHONE_IN,
            Direction.INBOUND,
            call.offeredAt() != null ? call.offeredAt() : call.queuedAt(),
            call.endedAt(),
            null,
            details(call)),
        null,
        what,
        Map.of());
    Long owner = ownerFor(call);
    if (owner == null) {
      log.warn("No callback owner for missed call {} from customer {}", call.callId(), customerId);
      return Optional.empty();
    }
    Map<String, String> params = new TreeMap<>();
    params.put("callId", call.callId());
    params.put("missed", what.name());
    params.put("waitSeconds", Long.toString(call.waitSeconds()));
    if (call.queue() != null) {
      params.put("queue", call.queue());
    }
    if (call.caller() != null && call.caller().number() != null) {
      params.put("number", call.caller().number());
    }
    return Optional.of(
        followUps.createCallback(
            new CallbackDraft(
                FollowUpKind.CALLBACK_MISSED_CALL,
                params,
                clock.instant().plus(callbackDue),
                owner,
                call.queue(),
                customerId,
                null)));
  }

  private Long ownerFor(CallView call) {
    Optional<Long> rung =
        Optional.ofNullable(call.lastRungInterface())
            .flatMap(directory::byInterface)
            .map(AgentRef::userId);
    if (rung.isPresent()) {
      return rung.get();
    }
    long fallback = callbackOwner.getAsLong();
    return fallback > 0 ? fallback : null;
  }

  private static CallDetails details(CallView call) {
    return new CallDetails(
        call.uniqueid(),
        call.callId(),
        call.queue(),
        call.caller() == null ? null : call.caller().number(),
        (int) call.waitSeconds(),
        call.answered() ? (int) call.ringSeconds() : null,
        call.endedAt() == null || !call.answered() ? null : (int) call.talkSeconds(),
        call.endedAt() == null || !call.answered() ? null : (int) call.holdSeconds(),
        call.hangupCause() == null
            ? null
            : call.hangupCause()
                + (call.hangupCauseText() == null ? "" : " " + call.hangupCauseText()),
        call.recording(),
        call.endedBy() == null ? null : call.endedBy().name());
  }
}
