package dev.callcenter.cti.pop;

import dev.callcenter.cti.calllog.CallLog;
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
import dev.callcenter.helpdesk.report.StateChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns the live state's changes into screen pops, call logging and messages, off the event thread:
 * work for one call runs in order (pop before its update, interaction before its end), different
 * calls run in parallel on the given executor.
 *
 * <ul>
 *   <li>queued/ringing: the pop is composed once per call and per transfer (when it queues, so it
 *       is ready when a phone rings; a transferred call gets a new pop naming its new queue and who
 *       transferred it) and sent to each ringing agent only;
 *   <li>ringing stopped: {@code call-update} so the pop closes;
 *   <li>answered: a phone interaction for the answering agent, linked to the customer: one per
 *       agent leg, so a transferred call has one for each agent who took it;
 *   <li>leg ended: that agent's interaction gets ring/talk/wait seconds, hangup cause and side,
 *       recording, and their screen {@code call-update ended};
 *   <li>ended: an unanswered call that reached a queue or a phone, from a known customer, becomes a
 *       missed-call interaction and a callback follow-up; one that ended in the IVR does not.
 * </ul>
 */
public final class CtiCoordinator implements CtiListener {
  private static final Logger log = LoggerFactory.getLogger(CtiCoordinator.class);

  private final ScreenPopComposer composer;
  private final CallLog callLog;
  private final AgentNotifier notifier;
  private final Executor executor;
  private final Clock clock;

  /** A call's pop, again after each transfer (the queue and the transfer are on it). */
  private record PopKey(String callId, CallView.Transfer from) {
    static PopKey of(CallView call) {
      return new PopKey(call.callId(), call.transferredFrom());
    }
  }

  /** One agent's answer of one call. */
  private record LegKey(String callId, long userId) {}

  private final Map<PopKey, CompletableFuture<ScreenPop>> pops = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();
  private final Map<LegKey, Long> interactionByLeg = new ConcurrentHashMap<>();

  /** userId → their state changes not yet written for the reports, oldest first. */
  private final Map<Long, List<StateChange>> unwrittenStates = new ConcurrentHashMap<>();

  /** userId → the pop message of the call ringing or in progress on their phone. */
  private final Map<Long, ScreenPopMessage> currentPop = new ConcurrentHashMap<>();

  public CtiCoordinator(
      ScreenPopComposer composer,
      CallLog callLog,
      AgentNotifier notifier,
      Executor executor,
      Clock clock) {
    this.composer = composer;
    this.callLog = callLog;
    this.notifier = notifier;
    this.executor = executor;
    this.clock = clock;
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
        agent,
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
        agent,
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
        agent,
        () -> {
          ScreenPop p = pop.join();
          Long customerId = p.lookup() == CallerLookup.Result.KNOWN ? p.customer().id() : null;
          long interaction = callLog.answered(agent, call, customerId);
          interactionByLeg.put(new LegKey(call.callId(), agent.userId()), interaction);
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
  public void legEnded(AgentRef agent, CallView leg) {
    Instant at = clock.instant();
    chain(
        leg.callId(),
        agent,
        () -> {
          Long interaction = interactionByLeg.remove(new LegKey(leg.callId(), agent.userId()));
          if (interaction != null) {
            callLog.ended(interaction, leg);
          }
          ScreenPop p = pop(leg).join();
          boolean known = p.lookup() == CallerLookup.Result.KNOWN;
          callLog.answeredOffer(
              agent, leg, known ? p.customer().id() : null, known ? p.customer().tier() : null);
          currentPop.computeIfPresent(
              agent.userId(), (k, m) -> m.data().callId().equals(leg.callId()) ? null : m);
          notifier.toUser(
              agent.userId(),
              new CallUpdateMessage(
                  at, new CallUpdateMessage.Data(leg.callId(), CallUpdateMessage.State.ENDED)));
        });
  }

  @Override
  public void ended(CallView call) {
    CompletableFuture<Void> last =
        chain(
            call.callId(),
            () -> {
              try {
                if (!call.answered() && reachedAnAgent(call)) {
                  missed(call);
                }
              } finally {
                pops.keySet().removeIf(k -> k.callId().equals(call.callId()));
                interactionByLeg.keySet().removeIf(k -> k.callId().equals(call.callId()));
              }
            });
    last.whenComplete((v, e) -> chains.remove(call.callId(), last));
  }

  @Override
  public void agentChanged(AgentStatus status) {
    AgentStateMessage message = new AgentStateMessage(clock.instant(), status);
    notifier.toUser(status.userId(), message);
    notifier.toSupervisors(message);
    // In order per agent, off the event thread: the state log the agent reports read. Changes
    // that arrive while the agent's earlier ones wait for the database are written together.
    long userId = status.userId();
    StateChange change =
        new StateChange(
            status.state().name(),
            status.reason(),
            status.callId(),
            status.since() == null ? message.at() : status.since());
    boolean[] first = new boolean[1];
    unwrittenStates.compute(
        userId,
        (id, changes) -> {
          first[0] = changes == null;
          List<StateChange> list = changes == null ? new ArrayList<>() : changes;
          list.add(change);
          return list;
        });
    if (first[0]) {
      chain(
          "agent-state:" + userId,
          () -> callLog.agentStates(userId, unwrittenStates.remove(userId)));
    }
  }

  @Override
  public void queueChanged(QueueFigures figures) {
    notifier.toSupervisors(new QueueStatsMessage(figures.at(), figures));
  }

  // ------------------------------------------------------------------

  /** An unanswered call: on the customer's timeline, and a callback for someone. */
  /**
   * Whether an unanswered call was ever offered to the agents: it waited in a queue or rang a
   * phone. One that ended in the IVR (the caller served themselves, or gave up before routing) is
   * no missed call: no interaction, no callback, no call record (IVR containment is counted from
   * the IVR's journeys).
   */
  private static boolean reachedAnAgent(CallView call) {
    return call.queue() != null || call.lastRungInterface() != null;
  }

  private void missed(CallView call) {
    ScreenPop p = pops.containsKey(PopKey.of(call)) ? pop(call).join() : composer.compose(call);
    boolean known = p.lookup() == CallerLookup.Result.KNOWN;
    callLog.unansweredOffer(
        call, known ? p.customer().id() : null, known ? p.customer().tier() : null);
    if (!known) {
      return;
    }
    callLog
        .missed(call, p.customer().id())
        .ifPresent(
            callback ->
                notifier.toUser(
                    callback.ownerId(), new FollowUpMessage(clock.instant(), callback)));
  }

  private CompletableFuture<ScreenPop> pop(CallView call) {
    return pops.computeIfAbsent(
        PopKey.of(call),
        key -> CompletableFuture.supplyAsync(() -> composer.compose(call), executor));
  }

  /** Runs {@code task} after the call's earlier work, with the agent in the log context. */
  private CompletableFuture<Void> chain(String callId, AgentRef agent, Runnable task) {
    return chain(
        callId,
        () -> {
          MDC.put("agentId", agent.username());
          try {
            task.run();
          } finally {
            MDC.remove("agentId");
          }
        });
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
