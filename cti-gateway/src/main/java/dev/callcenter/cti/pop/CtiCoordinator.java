package dev.callcenter.cti.pop;

import dev.callcenter.cti.live.AgentDirectory;
import dev.callcenter.cti.live.AgentRef;
import dev.callcenter.cti.live.AgentStatus;
import dev.callcenter.cti.live.CallView;
import dev.callcenter.cti.live.CtiListener;
import dev.callcenter.cti.live.QueueFigures;
import dev.callcenter.cti.push.AgentStateMessage;
import dev.callcenter.cti.push.CallUpdateMessage;
import dev.callcenter.cti.push.FollowUpMessage;
import dev.callcenter.cti.push.LiveMessage;
import dev.callcenter.cti.push.QueueStatsMessage;
import dev.callcenter.cti.push.ScreenPop;
import dev.callcenter.cti.push.ScreenPopMessage;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.followup.FollowUpDraft;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns the live state's changes into screen pops, call logging and messages, off the event thread:
 * work for one call runs in order (pop before its update, interaction before its end), different
 * calls run in parallel on the given executor.
 *
 * <ul>
 *   <li>queued/ringing: the pop is composed once per call (when it queues, so it is ready when a
 *       phone rings) and sent to each ringing agent only;
 *   <li>ringing stopped: {@code call-update} so the pop closes;
 *   <li>answered: a phone interaction for the answering agent, linked to the customer;
 *   <li>ended: the interaction gets ring/talk/wait seconds, hangup cause and side, recording; an
 *       unanswered call from a known customer becomes a missed-call interaction and a callback
 *       follow-up.
 * </ul>
 */
public final class CtiCoordinator implements CtiListener {
  private static final Logger log = LoggerFactory.getLogger(CtiCoordinator.class);

  private final AgentDirectory directory;
  private final ScreenPopComposer composer;
  private final InteractionService interactions;
  private final FollowUpService followUps;
  private final AgentNotifier notifier;
  private final Executor executor;
  private final Clock clock;
  private final LongSupplier callbackOwner;
  private final Duration callbackDue;

  private final Map<String, CompletableFuture<ScreenPop>> pops = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();
  private final Map<String, Long> interactionByCall = new ConcurrentHashMap<>();

  /** userId → the pop message of the call ringing or in progress on their phone. */
  private final Map<Long, ScreenPopMessage> currentPop = new ConcurrentHashMap<>();

  /**
   * @param callbackOwner the user who gets callbacks for missed calls no agent was rung for (0 for
   *     nobody)
   * @param callbackDue how soon a callback follow-up is due
   */
  public CtiCoordinator(
      AgentDirectory directory,
      ScreenPopComposer composer,
      InteractionService interactions,
      FollowUpService followUps,
      AgentNotifier notifier,
      Executor executor,
      Clock clock,
      LongSupplier callbackOwner,
      Duration callbackDue) {
    this.directory = directory;
    this.composer = composer;
    this.interactions = interactions;
    this.followUps = followUps;
    this.notifier = notifier;
    this.executor = executor;
    this.clock = clock;
    this.callbackOwner = callbackOwner;
    this.callbackDue = callbackDue;
  }

  /** The messages a (re)connecting screen of {@code userId} needs to show the present. */
  public List<LiveMessage> currentFor(long userId) {
    ScreenPopMessage pop = currentPop.get(userId);
    return pop == null ? List.of() : List.of(pop);
  }

  @Override
  public void queued(CallView call) {
    pop(call);
  }

  @Override
  public void ringing(AgentRef agent, CallView call) {
    CompletableFuture<ScreenPop> pop = pop(call);
    Instant at = clock.instant();
    chain(
        call.callId(),
        () -> {
          ScreenPop p = pop.join();
          ScreenPopMessage message =
              new ScreenPopMessage(
                  at,
                  new ScreenPopMessage.Data(
                      ScreenPopMessage.State.RINGING, agent.agentInterface(), null, p));
          currentPop.put(agent.userId(), message);
          notifier.toUser(agent.userId(), message);
        });
  }

  @Override
  public void ringingStopped(AgentRef agent, CallView call, String why) {
    Instant at = clock.instant();
    chain(
        call.callId(),
        () -> {
          currentPop.computeIfPresent(
              agent.userId(), (k, m) -> m.data().callId().equals(call.callId()) ? null : m);
          notifier.toUser(
              agent.userId(),
              new CallUpdateMessage(
                  at,
                  new CallUpdateMessage.Data(
                      call.callId(), CallUpdateMessage.State.fromWire(why))));
        });
  }

  @Override
  public void answered(AgentRef agent, CallView call) {
    CompletableFuture<ScreenPop> pop = pop(call);
    Instant at = clock.instant();
    chain(
        call.callId(),
        () -> {
          ScreenPop p = pop.join();
          Long customerId = p.lookup() == CallerLookup.Result.KNOWN ? p.customer().id() : null;
          long interaction =
              interactions
                  .record(
                      new InteractionDraft(
                          customerId,
                          Channel.PHONE_IN,
                          Direction.INBOUND,
                          call.answeredAt(),
                          null,
                          "Queue call" + (call.queue() == null ? "" : " (" + call.queue() + ")"),
                          details(call)),
                      agent.userId())
                  .id();
          interactionByCall.put(call.callId(), interaction);
          ScreenPopMessage updated =
              new ScreenPopMessage(
                  at,
                  new ScreenPopMessage.Data(
                      ScreenPopMessage.State.ANSWERED, agent.agentInterface(), interaction, p));
          currentPop.put(agent.userId(), updated);
          notifier.toUser(
              agent.userId(),
              new CallUpdateMessage(
                  at,
                  new CallUpdateMessage.Data(
                      call.callId(), CallUpdateMessage.State.ANSWERED, interaction, p.onAnswer())));
        });
  }

  @Override
  public void ended(CallView call, AgentRef agent) {
    Instant at = clock.instant();
    CompletableFuture<Void> last =
        chain(
            call.callId(),
            () -> {
              try {
                Long interaction = interactionByCall.remove(call.callId());
                if (interaction != null) {
                  interactions.endCall(interaction, call.endedAt(), details(call));
                } else if (!call.answered()) {
                  missed(call);
                }
                if (agent != null) {
                  currentPop.computeIfPresent(
                      agent.userId(), (k, m) -> m.data().callId().equals(call.callId()) ? null : m);
                  notifier.toUser(
                      agent.userId(),
                      new CallUpdateMessage(
                          at,
                          new CallUpdateMessage.Data(
                              call.callId(), CallUpdateMessage.State.ENDED)));
                }
              } finally {
                pops.remove(call.callId());
              }
            });
    last.whenComplete((v, e) -> chains.remove(call.callId(), last));
  }

  @Override
  public void agentChanged(AgentStatus status) {
    AgentStateMessage message = new AgentStateMessage(clock.instant(), status);
    notifier.toUser(status.userId(), message);
    notifier.toSupervisors(message);
  }

  @Override
  public void queueChanged(QueueFigures figures) {
    notifier.toSupervisors(new QueueStatsMessage(figures.at(), figures));
  }

  // ------------------------------------------------------------------

  /** An unanswered call: on the customer's timeline, and a callback for someone. */
  private void missed(CallView call) {
    ScreenPop p = pops.containsKey(call.callId()) ? pop(call).join() : composer.compose(call);
    if (p.lookup() != CallerLookup.Result.KNOWN) {
      return;
    }
    long customerId = p.customer().id();
    String what = call.abandoned() ? "Abandoned call" : "Unanswered call";
    interactions.record(
        new InteractionDraft(
            customerId,
            Channel.PHONE_IN,
            Direction.INBOUND,
            call.offeredAt() != null ? call.offeredAt() : call.queuedAt(),
            call.endedAt(),
            what
                + (call.queue() == null ? "" : " in " + call.queue())
                + " after "
                + call.waitSeconds()
                + " s",
            details(call)),
        null);
    Long owner = ownerFor(call);
    if (owner == null) {
      log.warn("No callback owner for missed call {} from customer {}", call.callId(), customerId);
      return;
    }
    String number = call.caller().number() == null ? "" : " at " + call.caller().number();
    FollowUp callback =
        followUps.create(
            new FollowUpDraft(
                "Call back " + p.customer().name() + number,
                what
                    + (call.queue() == null ? "" : " in queue " + call.queue())
                    + ", call "
                    + call.callId(),
                clock.instant().plus(callbackDue),
                owner,
                call.queue(),
                customerId,
                null),
            null);
    notifier.toUser(owner, new FollowUpMessage(clock.instant(), callback));
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

  private CompletableFuture<ScreenPop> pop(CallView call) {
    return pops.computeIfAbsent(
        call.callId(), id -> CompletableFuture.supplyAsync(() -> composer.compose(call), executor));
  }

  private CompletableFuture<Void> chain(String callId, Runnable task) {
    return chains.compute(
        callId,
        (id, previous) ->
            (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                .thenRunAsync(
                    () -> {
                      MDC.put("callId", id);
                      try {
                        task.run();
                      } catch (RuntimeException e) {
                        log.error("CTI work for call {} failed", id, e);
                      } finally {
                        MDC.remove("callId");
                      }
                    },
                    executor));
  }
}
