package dev.callcenter.cti.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.cti.call.AgentAnswered;
import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.CallAbandoned;
import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallHeld;
import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.CallOffered;
import dev.callcenter.cti.call.CallQueued;
import dev.callcenter.cti.call.CallerId;
import dev.callcenter.cti.call.DeviceStatus;
import dev.callcenter.cti.call.DialEnded;
import dev.callcenter.cti.call.HangUpRequested;
import dev.callcenter.cti.call.MemberAdded;
import dev.callcenter.cti.call.MemberPaused;
import dev.callcenter.cti.call.MemberRemoved;
import dev.callcenter.cti.call.PbxSnapshot;
import dev.callcenter.cti.call.PhoneDialed;
import dev.callcenter.helpdesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveStateTest {
  private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  private static final AgentRef ONE =
      new AgentRef(1, "agent1", "Agent One", "PJSIP/1001", List.of("support"));
  private static final AgentRef TWO =
      new AgentRef(2, "agent2", "Agent Two", "PJSIP/1002", List.of("support"));
  private static final CallerId CALLER = new CallerId("0223456789", "+886223456789", false, "王");

  private final List<String> heard = new ArrayList<>();
  private final List<AgentStatus> states = new ArrayList<>();
  private final List<QueueFigures> figures = new ArrayList<>();
  private final List<CallView> ended = new ArrayList<>();
  private final List<CallView> legs = new ArrayList<>();
  private MutableClock clock;
  private LiveState state;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(T0);
    AgentDirectory directory =
        new AgentDirectory() {
          final Map<String, AgentRef> byIface =
              Map.of(ONE.agentInterface(), ONE, TWO.agentInterface(), TWO);

          @Override
          public Optional<AgentRef> byInterface(String agentInterface) {
            return Optional.ofNullable(byIface.get(agentInterface));
          }

          @Override
          public Optional<AgentRef> byUser(long userId) {
            return byIface.values().stream().filter(a -> a.userId() == userId).findFirst();
          }

          @Override
          public Collection<AgentRef> all() {
            return List.of(ONE, TWO);
          }
        };
    CtiListener listener =
        new CtiListener() {
          @Override
          public void ringing(AgentRef agent, CallView call) {
            heard.add("ringing " + agent.username() + " " + call.callId());
          }

          @Override
          public void ringingStopped(AgentRef agent, CallView call, String why) {
            heard.add("stopped " + agent.username() + " " + call.callId() + " " + why);
          }

          @Override
          public void answered(AgentRef agent, CallView call) {
            heard.add("answered " + agent.username() + " " + call.callId());
          }

          @Override
          public void legEnded(AgentRef agent, CallView leg) {
            heard.add("leg of " + agent.username() + " " + leg.callId() + " " + leg.endedBy());
            legs.add(leg);
          }

          @Override
          public void ended(CallView call) {
            heard.add(
                "ended "
                    + call.callId()
                    + " by "
                    + (call.answeredBy() == null ? "-" : call.answeredBy()));
            ended.add(call);
          }

          @Override
          public void agentChanged(AgentStatus status) {
            states.add(status);
          }

          @Override
          public void queueChanged(QueueFigures f) {
            figures.add(f);
          }
        };
    state =
        new LiveState(
            directory, listener, clock, ZoneId.of("Asia/Taipei"), Duration.ofSeconds(10), 20);
    state.accept(new MemberAdded(T0, "support", "PJSIP/1001", "Agent One", false, null));
    state.accept(new MemberAdded(T0, "support", "PJSIP/1002", "Agent Two", false, null));
  }

  private void offer(String id) {
    state.accept(
        new CallOffered(id, clock.instant(), id, "PJSIP/pstn-1", CALLER, "from-pstn", "200"));
    state.accept(new CallQueued(id, clock.instant(), "support", 1));
  }

  @Test
  void answeredElsewhereClosesTheOtherRingingPop() {
    offer("c1");
    state.accept(new AgentRinging("c1", T0, "support", "PJSIP/1001", "Agent One", CALLER));
    state.accept(new AgentRinging("c1", T0, "support", "PJSIP/1002", "Agent Two", CALLER));
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.RINGING);
    state.accept(new AgentAnswered("c1", T0, "support", "PJSIP/1002", "Agent Two", 5, 3));

    assertThat(heard)
        .containsExactly(
            "ringing agent1 c1",
            "ringing agent2 c1",
            "stopped agent1 c1 answered-elsewhere",
            "answered agent2 c1");
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
    assertThat(state.agent(2).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
    assertThat(state.agent(2).orElseThrow().callId()).isEqualTo("c1");
  }

  @Test
  void aCallEndsWhenTheCallerIsGoneAndTheCompletionArrivedThenWrapUpRunsOut() {
    offer("c2");
    state.accept(new AgentRinging("c2", T0, "support", "PJSIP/1001", "Agent One", CALLER));
    state.accept(new AgentAnswered("c2", T0, "support", "PJSIP/1001", "Agent One", 4, 2));
    state.accept(new CallHungUp("c2", T0, "c2", "PJSIP/pstn-1", 16, "Normal Clearing"));
    assertThat(ended).isEmpty(); // AgentComplete still to come
    state.accept(
        new CallCompleted(
            "c2", T0, "support", "PJSIP/1001", "Agent One", 61, 4, CallCompleted.EndedBy.CALLER));
    assertThat(ended)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.talkSeconds()).isEqualTo(61);
              assertThat(c.waitSeconds()).isEqualTo(4);
              assertThat(c.ringSeconds()).isEqualTo(2);
              assertThat(c.endedBy()).isEqualTo(CallCompleted.EndedBy.CALLER);
              assertThat(c.hangupCause()).isEqualTo(16);
            });
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
    clock.advance(Duration.ofSeconds(11));
    state.tick();
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
  }

  @Test
  void anAgentCompleteAsteriskNeverSentEndsTheLegAtTheAgentsHangUpAfterTheGrace() {
    offer("lost");
    state.accept(
        new AgentAnswered("lost", T0, "support", "PJSIP/1001", "Agent One", 4, 2, "lost.agent1"));
    clock.advance(Duration.ofSeconds(40));
    Instant hungUp = clock.instant();
    // both channels hung up at once; app_queue's AgentComplete never comes
    state.accept(new CallHungUp("lost", hungUp, "lost.agent1", "PJSIP/1001-7", 16, "Normal"));
    state.accept(new CallHungUp("lost", hungUp, "lost", "PJSIP/pstn-1", 16, "Normal"));
    clock.advance(LiveState.AGENT_COMPLETE_GRACE.minusSeconds(1));
    state.tick();
    assertThat(state.agent(1).orElseThrow().state())
        .as("still waiting for the AgentComplete")
        .isEqualTo(AgentState.ON_CALL);
    assertThat(ended).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    state.tick();

    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
    assertThat(ended)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.talkSeconds()).isEqualTo(40);
              assertThat(c.endedAt()).isEqualTo(hungUp);
              assertThat(c.endedBy()).isEqualTo(CallCompleted.EndedBy.CALLER);
            });
    // a late AgentComplete after all changes nothing
    state.accept(
        new CallCompleted(
            "lost", T0, "support", "PJSIP/1001", "Agent One", 99, 4, CallCompleted.EndedBy.AGENT));
    assertThat(ended).hasSize(1);
    clock.advance(Duration.ofSeconds(10));
    state.tick();
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
  }

  @Test
  void anAgentCompleteThatFollowsTheHangUpInTimeKeepsAsterisksTalkTime() {
    offer("ok");
    state.accept(
        new AgentAnswered("ok", T0, "support", "PJSIP/1001", "Agent One", 4, 2, "ok.agent1"));
    clock.advance(Duration.ofSeconds(40));
    state.accept(new CallHungUp("ok", clock.instant(), "ok.agent1", "PJSIP/1001-8", 16, "Normal"));
    clock.advance(Duration.ofSeconds(2));
    state.tick();
    state.accept(
        new CallCompleted(
            "ok", T0, "support", "PJSIP/1001", "Agent One", 41, 4, CallCompleted.EndedBy.AGENT));
    state.accept(new CallHungUp("ok", clock.instant(), "ok", "PJSIP/pstn-1", 16, "Normal"));
    clock.advance(Duration.ofSeconds(10));
    state.tick();

    assertThat(ended).singleElement().satisfies(c -> assertThat(c.talkSeconds()).isEqualTo(41));
  }

  @Test
  void aTransferEndsTheTransferringAgentsLegWhenTheirChannelHangsUpAndTheNextAgentGetsTheirOwn() {
    offer("t");
    state.accept(
        new AgentAnswered("t", T0, "support", "PJSIP/1001", "Agent One", 4, 2, "t.agent1"));
    clock.advance(Duration.ofSeconds(30));
    CallView marked = state.startTransfer("PJSIP/1001").orElseThrow();
    assertThat(marked.callId()).isEqualTo("t");
    assertThat(state.startTransfer("PJSIP/1002")).as("not on a call").isEmpty();

    state.accept(new CallHungUp("t", clock.instant(), "t.agent1", "PJSIP/1001-1", 16, "Normal"));

    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
    assertThat(legs)
        .singleElement()
        .satisfies(
            leg -> {
              assertThat(leg.answeredBy()).isEqualTo("PJSIP/1001");
              assertThat(leg.talkSeconds()).isEqualTo(30);
              assertThat(leg.endedAt()).isEqualTo(clock.instant());
              assertThat(leg.endedBy()).isEqualTo(CallCompleted.EndedBy.TRANSFER);
              assertThat(leg.hangupCause()).isEqualTo(16);
            });
    assertThat(ended).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    state.accept(new CallQueued("t", clock.instant(), "billing", 1));
    assertThat(state.queues())
        .filteredOn(q -> q.queue().equals("billing"))
        .singleElement()
        .extracting(QueueFigures::waiting)
        .isEqualTo(1);
    assertThat(state.queues())
        .filteredOn(q -> q.queue().equals("support"))
        .singleElement()
        .extracting(QueueFigures::waiting)
        .isEqualTo(0);
    state.accept(new AgentRinging("t", clock.instant(), "billing", "PJSIP/1002", "Two", CALLER));
    CallView ringing = state.currentCall("PJSIP/1002").orElseThrow();
    assertThat(ringing.queue()).isEqualTo("billing");
    assertThat(ringing.transferredFrom())
        .isEqualTo(
            new CallView.Transfer("PJSIP/1001", 1L, "Agent One", "support", T0.plusSeconds(30)));
    clock.advance(Duration.ofSeconds(3));
    state.accept(
        new AgentAnswered("t", clock.instant(), "billing", "PJSIP/1002", "Two", 4, 3, "t.agent2"));
    assertThat(state.agent(2).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
    // a report on agent1's ended leg, whenever it comes, changes nothing for agent2's leg
    state.accept(
        new CallCompleted(
            "t",
            clock.instant(),
            "support",
            "PJSIP/1001",
            "Agent One",
            99,
            4,
            CallCompleted.EndedBy.CALLER));
    assertThat(state.agent(2).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
    assertThat(legs).hasSize(1);

    // agent2 hangs up; the caller hangs up; then agent1's late AgentComplete timing everything
    clock.advance(Duration.ofSeconds(20));
    state.accept(
        new CallCompleted(
            "t",
            clock.instant(),
            "billing",
            "PJSIP/1002",
            "Two",
            20,
            4,
            CallCompleted.EndedBy.AGENT));
    state.accept(new CallHungUp("t", clock.instant(), "t.agent2", "PJSIP/1002-2", 16, "Normal"));
    state.accept(new CallHungUp("t", clock.instant(), "t", "PJSIP/pstn-1", 16, "Normal"));
    state.accept(
        new CallCompleted(
            "t",
            clock.instant(),
            "support",
            "PJSIP/1001",
            "Agent One",
            54,
            4,
            CallCompleted.EndedBy.CALLER));

    assertThat(legs).hasSize(2);
    assertThat(legs.getLast())
        .satisfies(
            leg -> {
              assertThat(leg.answeredBy()).isEqualTo("PJSIP/1002");
              assertThat(leg.queue()).isEqualTo("billing");
              assertThat(leg.talkSeconds()).isEqualTo(20);
              assertThat(leg.ringSeconds()).isEqualTo(3);
              assertThat(leg.endedBy()).isEqualTo(CallCompleted.EndedBy.AGENT);
              assertThat(leg.transferredFrom().agentInterface()).isEqualTo("PJSIP/1001");
            });
    assertThat(ended).singleElement().satisfies(c -> assertThat(c.answered()).isTrue());
    assertThat(heard)
        .containsSubsequence(
            "answered agent1 t",
            "leg of agent1 t TRANSFER",
            "ringing agent2 t",
            "answered agent2 t",
            "leg of agent2 t AGENT",
            "ended t by PJSIP/1002");
    // agent1's wrap-up ran out long ago; the late AgentComplete does not start another
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.AVAILABLE);
  }

  @Test
  void withoutATransferAnAgentsHangUpLeavesTheLegToAgentCompleteAndTheSurveyToTheCaller() {
    offer("s");
    state.accept(
        new AgentAnswered("s", T0, "support", "PJSIP/1001", "Agent One", 4, 2, "s.agent1"));
    clock.advance(Duration.ofSeconds(40));
    state.accept(new CallHungUp("s", clock.instant(), "s.agent1", "PJSIP/1001-1", 16, "Normal"));

    assertThat(legs).isEmpty();
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);

    state.accept(
        new CallCompleted(
            "s",
            clock.instant(),
            "support",
            "PJSIP/1001",
            "Agent One",
            40,
            4,
            CallCompleted.EndedBy.AGENT));
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
    assertThat(legs).isEmpty(); // the caller rates the call
    clock.advance(Duration.ofSeconds(25));
    state.accept(new CallHungUp("s", clock.instant(), "s", "PJSIP/pstn-1", 16, "Normal"));

    assertThat(legs)
        .singleElement()
        .satisfies(
            leg -> {
              assertThat(leg.talkSeconds()).isEqualTo(40);
              assertThat(leg.endedBy()).isEqualTo(CallCompleted.EndedBy.AGENT);
              assertThat(leg.endedAt()).isEqualTo(clock.instant());
            });
    assertThat(ended).singleElement().satisfies(c -> assertThat(c.answered()).isTrue());
  }

  @Test
  void anAgentCompleteWithReasonTransferEndsThatLegAtOnce() {
    offer("p");
    state.accept(new AgentAnswered("p", T0, "support", "PJSIP/1001", "Agent One", 4, 2));
    state.accept(
        new CallCompleted(
            "p",
            T0.plusSeconds(12),
            "support",
            "PJSIP/1001",
            "Agent One",
            12,
            4,
            CallCompleted.EndedBy.TRANSFER));

    assertThat(legs).singleElement().satisfies(leg -> assertThat(leg.talkSeconds()).isEqualTo(12));
    assertThat(state.call("p").orElseThrow().transferredFrom().agentName()).isEqualTo("Agent One");
    assertThat(ended).isEmpty();
  }

  @Test
  void aRefusedTransferLeavesTheAgentsHangUpToTheNormalEnd() {
    offer("r");
    state.accept(
        new AgentAnswered("r", T0, "support", "PJSIP/1001", "Agent One", 4, 2, "r.agent1"));
    state.startTransfer("PJSIP/1001").orElseThrow();
    state.transferFailed("r", "PJSIP/1001");

    state.accept(new CallHungUp("r", T0.plusSeconds(9), "r.agent1", "PJSIP/1001-1", 16, "Normal"));

    assertThat(legs).isEmpty();
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
  }

  @Test
  void holdTimeIsSummedOverEveryHoldOfTheCall() {
    offer("h");
    state.accept(new AgentAnswered("h", T0, "support", "PJSIP/1001", "Agent One", 1, 1));
    state.accept(new CallHeld("h", T0.plusSeconds(10), "PJSIP/1001-1", true));
    state.accept(new CallHeld("h", T0.plusSeconds(25), "PJSIP/1001-1", false));
    state.accept(new CallHeld("h", T0.plusSeconds(40), "PJSIP/1001-1", true));
    state.accept(new CallHangUpAt("h", T0.plusSeconds(45)).event());
    state.accept(
        new CallCompleted(
            "h",
            T0.plusSeconds(45),
            "support",
            "PJSIP/1001",
            "Agent One",
            44,
            1,
            CallCompleted.EndedBy.AGENT));
    assertThat(ended).singleElement().extracting(CallView::holdSeconds).isEqualTo(20L);
  }

  private record CallHangUpAt(String id, Instant at) {
    CallHungUp event() {
      return new CallHungUp(id, at, id, "PJSIP/pstn-1", 16, "Normal Clearing");
    }
  }

  @Test
  void serviceLevelCountsAnsweredWithinTheThresholdAndTheAbandonedInclusiveVariant() {
    offer("a");
    state.accept(new AgentAnswered("a", T0, "support", "PJSIP/1001", "Agent One", 10, 2));
    offer("b");
    state.accept(new AgentAnswered("b", T0, "support", "PJSIP/1002", "Agent Two", 45, 2));
    offer("c");
    clock.advance(Duration.ofSeconds(30));
    QueueFigures waiting = state.queues().getFirst();
    assertThat(waiting.waiting()).isEqualTo(1);
    assertThat(waiting.longestWaitSeconds()).isEqualTo(30);
    state.accept(new CallAbandoned("c", clock.instant(), "support", 1, 1, 30));

    QueueFigures f = state.queues().getFirst();
    assertThat(f.queue()).isEqualTo("support");
    assertThat(f.waiting()).isZero();
    assertThat(f.answered()).isEqualTo(2);
    assertThat(f.answeredWithinThreshold()).isEqualTo(1);
    assertThat(f.abandoned()).isEqualTo(1);
    assertThat(f.serviceLevel()).isEqualTo(0.5);
    assertThat(f.serviceLevelWithAbandoned()).isEqualTo(1.0 / 3);
    assertThat(f.agents()).containsEntry("on-call", 2);
  }

  @Test
  void queueFiguresArePublishedOncePerBurstOfChanges() {
    state.publishQueues();
    figures.clear();
    offer("q1");
    offer("q2");
    state.accept(new MemberPaused(T0, "support", "PJSIP/1002", "Agent Two", true, "break"));
    assertThat(figures).isEmpty();
    state.publishQueues();
    assertThat(figures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.queue()).isEqualTo("support");
              assertThat(f.waiting()).isEqualTo(2);
              assertThat(f.agents()).containsEntry("paused", 1);
            });
    state.publishQueues();
    assertThat(figures).hasSize(1);
  }

  @Test
  void pausedInEveryQueueIsPausedWithTheReason() {
    state.accept(new MemberPaused(T0, "support", "PJSIP/1001", "Agent One", true, "lunch"));
    AgentStatus s = state.agent(1).orElseThrow();
    assertThat(s.state()).isEqualTo(AgentState.PAUSED);
    assertThat(s.reason()).isEqualTo("lunch");
    assertThat(states).last().extracting(AgentStatus::state).isEqualTo(AgentState.PAUSED);
  }

  @Test
  void anAgentAddedPausedIsPausedWithTheReason() {
    state.accept(new MemberRemoved(T0, "support", "PJSIP/1002", "Agent Two"));
    // a login while paused, or the restore after an Asterisk restart: QueueMemberAdded only
    state.accept(new MemberAdded(T0, "support", "PJSIP/1002", "Agent Two", true, "lunch"));
    AgentStatus s = state.agent(2).orElseThrow();
    assertThat(s.state()).isEqualTo(AgentState.PAUSED);
    assertThat(s.reason()).isEqualTo("lunch");
  }

  @Test
  void aSnapshotReplacesMembershipsAndEndsCallsThatVanished() {
    offer("gone");
    state.accept(new AgentRinging("gone", T0, "support", "PJSIP/1001", "Agent One", CALLER));
    state.accept(
        new PbxSnapshot(
            T0.plusSeconds(5),
            List.of(
                new PbxSnapshot.Member(
                    "support",
                    "PJSIP/1001",
                    "Agent One",
                    true,
                    "meeting",
                    DeviceStatus.NOT_INUSE,
                    false)),
            List.of(),
            List.of(
                new PbxSnapshot.Channel("talk", "talk", "PJSIP/pstn-9", CALLER, "Queue", 40, "b1"),
                new PbxSnapshot.Channel(
                    "talk", "talk.2", "PJSIP/1001-7", CALLER, "AppQueue", 30, "b1"))));

    assertThat(heard).contains("stopped agent1 gone hung-up", "ended gone by -");
    assertThat(state.agent(2).orElseThrow().state()).isEqualTo(AgentState.LOGGED_OUT);
    AgentStatus one = state.agent(1).orElseThrow();
    assertThat(one.state()).isEqualTo(AgentState.ON_CALL);
    assertThat(one.callId()).isEqualTo("talk");
    assertThat(state.call("talk").orElseThrow().answeredBy()).isEqualTo("PJSIP/1001");
  }

  @Test
  void aSnapshotAskedForBeforeACallsLatestEventsLeavesThatCallToItsEvents() {
    Instant asked = clock.instant();
    clock.advance(Duration.ofMillis(20));
    // reported on the events connection after the snapshot was asked for on the other one
    offer("new");
    state.accept(
        new AgentAnswered("new", clock.instant(), "support", "PJSIP/1001", "Agent One", 1, 1));
    clock.advance(Duration.ofMillis(20));
    PbxSnapshot older =
        new PbxSnapshot(
            clock.instant(),
            asked,
            List.of(
                new PbxSnapshot.Member(
                    "support", "PJSIP/1001", "Agent One", false, null, DeviceStatus.INUSE, true)),
            List.of(),
            List.of());

    state.accept(older);

    assertThat(ended).as("the snapshot predates the call").isEmpty();
    assertThat(state.agent(1).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
    assertThat(state.agent(1).orElseThrow().callId()).isEqualTo("new");

    clock.advance(Duration.ofSeconds(1));
    state.accept(
        new PbxSnapshot(
            clock.instant(),
            List.of(
                new PbxSnapshot.Member(
                    "support",
                    "PJSIP/1001",
                    "Agent One",
                    false,
                    null,
                    DeviceStatus.NOT_INUSE,
                    false)),
            List.of(),
            List.of()));

    assertThat(ended).as("asked for after its last event, and it is gone").hasSize(1);
    assertThat(state.agent(1).orElseThrow().state()).isNotEqualTo(AgentState.ON_CALL);
  }

  @Test
  void aCallPlacedFromAnAgentsPhoneToAColleagueNeitherPopsNorCountsAsAnOffer() {
    state.accept(
        new CallOffered(
            "internal",
            T0,
            "internal",
            "PJSIP/1001-00000009",
            new CallerId("1001", null, false, "Agent One"),
            "from-agents",
            "1002"));
    state.accept(
        new PhoneDialed(
            "internal", T0, "internal", "PJSIP/1002", "internal.2", CallerId.anonymousCaller()));
    state.accept(new DialEnded("internal", T0, "PJSIP/1002", "internal.2", "ANSWER"));
    state.accept(new CallHungUp("internal", T0, "internal", "PJSIP/1001-00000009", 16, "Normal"));

    assertThat(heard).isEmpty();
    assertThat(ended).isEmpty();
    assertThat(state.call("internal")).isEmpty();
  }

  @Test
  void aCallerDialledStraightToAnAgentsPhonePopsThereAndTheLegEndsWithThatPhone() {
    state.accept(
        new CallOffered("direct", T0, "direct", "PJSIP/pstn-3", CALLER, "from-pstn", "1002"));
    state.accept(new PhoneDialed("direct", T0, "direct", "PJSIP/1002", "direct.2", CALLER));
    assertThat(heard).containsExactly("ringing agent2 direct");
    assertThat(state.agent(2).orElseThrow().state()).isEqualTo(AgentState.RINGING);
    clock.advance(Duration.ofSeconds(3));
    state.accept(new DialEnded("direct", clock.instant(), "PJSIP/1002", "direct.2", "ANSWER"));
    assertThat(state.agent(2).orElseThrow().state()).isEqualTo(AgentState.ON_CALL);
    clock.advance(Duration.ofSeconds(30));
    state.accept(new HangUpRequested("direct", clock.instant(), "direct"));
    state.accept(new CallHungUp("direct", clock.instant(), "direct.2", "PJSIP/1002-4", 16, "x"));
    state.accept(new CallHungUp("direct", clock.instant(), "direct", "PJSIP/pstn-3", 16, "x"));

    assertThat(legs)
        .singleElement()
        .satisfies(
            leg -> {
              assertThat(leg.answeredBy()).isEqualTo("PJSIP/1002");
              assertThat(leg.queue()).isNull();
              assertThat(leg.ringSeconds()).isEqualTo(3);
              assertThat(leg.talkSeconds()).isEqualTo(30);
              assertThat(leg.endedBy()).isEqualTo(CallCompleted.EndedBy.CALLER);
            });
    assertThat(ended).hasSize(1);
    assertThat(state.agent(2).orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
  }
}
