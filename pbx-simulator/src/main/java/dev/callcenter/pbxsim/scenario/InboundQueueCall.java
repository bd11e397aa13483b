package dev.callcenter.pbxsim.scenario;

import dev.callcenter.pbxsim.PbxSimulatorException;
import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.Channel;
import dev.callcenter.pbxsim.pbx.Pbx;
import dev.callcenter.pbxsim.pbx.QueueMember;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Script of one inbound queue call: agents that ring without answering, then an answer or an
 * abandonment, played on the simulator scheduler with the events of Asterisk 22's app_queue.
 *
 * <p>A {@code Redirect} of the caller while bridged to an agent plays what Asterisk 22 does: the
 * agent's channel is hung up as the bridge dissolves, and that agent's {@code AgentComplete} is
 * held back until the caller finally hangs up, its {@code TalkTime} running from the answer to that
 * hang-up. Where the caller lands is scripted with {@link Calls#transferToQueue}; a caller sent
 * where nothing is scripted hangs up when the call would have ended.
 */
public final class InboundQueueCall {

  private record Miss(String iface, Duration ringFor) {}

  private final Pbx pbx;
  private final Caller caller;
  private final String queue;
  private final List<Miss> misses = new ArrayList<>();
  private String trunk = "PJSIP/pstn";
  private String context = "from-pstn";
  private String exten = "200";
  private Duration retry = Duration.ofSeconds(2);
  private Duration survey = Duration.ZERO;
  private Channel existing;
  private int joinPriority = 2;

  /** Set for a transferred call: the call whose caller's next Redirect starts this script. */
  private CallHandle redirectOf;

  InboundQueueCall(Pbx pbx, Caller caller, String queue) {
    this.pbx = pbx;
    this.caller = Objects.requireNonNull(caller);
    this.queue = Objects.requireNonNull(queue);
    if (!pbx.hasQueue(queue)) {
      throw new PbxSimulatorException("no queue " + queue + "; add it with pbx().addQueue first");
    }
  }

  /** The trunk endpoint the call arrives on ({@code PJSIP/pstn} by default). */
  public InboundQueueCall via(String trunkInterface) {
    this.trunk = trunkInterface;
    return this;
  }

  /** The dialled DID, the {@code Exten} of the caller's channel ({@code 200} by default). */
  public InboundQueueCall dialed(String did) {
    this.exten = did;
    return this;
  }

  public InboundQueueCall context(String dialplanContext) {
    this.context = dialplanContext;
    return this;
  }

  /** Pause between two agents after a ring-no-answer (the queue's {@code retry}, 2 s default). */
  public InboundQueueCall retry(Duration wait) {
    this.retry = wait;
    return this;
  }

  /**
   * After an agent hangs up, the caller stays on for {@code seconds} (the dialplan's satisfaction
   * survey, {@code Queue(…,c)} then {@code AGI(…/survey)}) before hanging up; zero by default.
   */
  public InboundQueueCall survey(Duration stays) {
    this.survey = stays;
    return this;
  }

  /** The caller's channel is already up (it came from an IVR): no second {@code Newchannel}. */
  InboundQueueCall onOpenChannel(Channel channel) {
    this.existing = channel;
    this.joinPriority = 4;
    return this;
  }

  /**
   * The script starts when the caller of {@code call} is next redirected (a transfer): the caller
   * joins this queue from wherever the Redirect sent it.
   */
  InboundQueueCall onRedirectOf(CallHandle call) {
    this.redirectOf = call;
    return this;
  }

  /** {@code iface} rings for {@code ringFor} without answering ({@code AgentRingNoAnswer}). */
  public InboundQueueCall noAnswerFrom(String iface, Duration ringFor) {
    misses.add(new Miss(iface, ringFor));
    return this;
  }

  /** Answered by {@code iface} after 2 s of ringing, 6 s talk, the agent hangs up. */
  public CallHandle answeredBy(String iface) {
    return answeredBy(iface, Duration.ofSeconds(2), Duration.ofSeconds(6), HangupBy.AGENT);
  }

  /** Starts the call; it ends answered by {@code iface}. */
  public CallHandle answeredBy(String iface, Duration ringFor, Duration talk, HangupBy by) {
    return launch(
        run -> {
          Duration t = run.start();
          t = run.misses(t);
          Duration answerAt = t.plus(ringFor);
          pbx.scheduler().schedule(t, () -> run.ring(iface));
          pbx.scheduler().schedule(answerAt, () -> run.answer(ringFor));
          pbx.scheduler().schedule(answerAt.plus(talk), () -> run.complete(talk, by));
        });
  }

  /**
   * Starts the call; the caller hangs up {@code after} joining the queue, while {@code ringing}
   * (may be null) rings; earlier {@link #noAnswerFrom} agents ring first.
   */
  public CallHandle abandonedAfter(Duration after, String ringing) {
    return launch(
        run -> {
          Duration t = run.start();
          t = run.misses(t);
          if (ringing != null) {
            pbx.scheduler().schedule(t, () -> run.ring(ringing));
          }
          pbx.scheduler().schedule(after, () -> run.abandon(after));
        });
  }

  /** Runs {@code script} now, or for a transfer when the caller's channel is redirected. */
  private CallHandle launch(Consumer<Run> script) {
    if (redirectOf == null) {
      Run run = new Run(null);
      script.accept(run);
      return run.handle;
    }
    CallHandle handle =
        new CallHandle(
            redirectOf.linkedid(),
            redirectOf.uniqueid(),
            redirectOf.channel(),
            new CompletableFuture<>());
    pbx.onRedirect(
        redirectOf.uniqueid(),
        (channel, toContext, toExten) -> {
          existing = channel;
          context = toContext;
          exten = toExten;
          joinPriority = 1;
          script.accept(new Run(handle));
        });
    return handle;
  }

  /** The mutable state of one running call; every step runs under the Pbx lock. */
  private final class Run {
    final Channel callerLeg;
    final CallHandle handle;
    final Instant startedAt;
    Channel agentLeg;
    String agentIface;
    boolean done;

    /** Redirected out of the bridge: the agent's leg is gone, its AgentComplete held back. */
    boolean transferred;

    /** Redirected somewhere no scenario picks the caller up. */
    boolean strayed;

    Run(CallHandle given) {
      callerLeg =
          existing != null
              ? existing.withApplication("Queue", queue)
              : pbx.draftChannel(trunk, caller, context, exten, null)
                  .withState(Channel.RING)
                  .withApplication("Queue", queue);
      handle =
          given != null
              ? given
              : new CallHandle(
                  callerLeg.linkedid(),
                  callerLeg.uniqueid(),
                  callerLeg.name(),
                  new CompletableFuture<>());
      startedAt = pbx.now();
    }

    Duration start() {
      pbx.scheduler().schedule(Duration.ZERO, this::join);
      return Duration.ZERO;
    }

    Duration misses(Duration from) {
      Duration t = from;
      for (Miss m : misses) {
        pbx.scheduler().schedule(t, () -> ring(m.iface()));
        pbx.scheduler().schedule(t.plus(m.ringFor()), () -> ringNoAnswer(m.ringFor()));
        t = t.plus(m.ringFor()).plus(retry);
      }
      return t;
    }

    private boolean active() {
      if (!done && !pbx.alive(callerLeg.uniqueid())) {
        finish();
      }
      return !done;
    }

    private void finish() {
      done = true;
      handle.finished().complete(null);
    }

    private Channel callerNow() {
      return pbx.channel(callerLeg.uniqueid()).orElse(callerLeg);
    }

    void join() {
      synchronized (pbx) {
        if (existing != null && !pbx.alive(callerLeg.uniqueid())) {
          finish(); // hung up on the way to the queue
          return;
        }
        Channel c = existing != null ? pbx.update(callerLeg) : pbx.open(callerLeg);
        c = pbx.update(c.withDialplan(context, exten, joinPriority));
        int position = pbx.join(queue, c.uniqueid());
        pbx.emit(
            c.addTo(AmiMessage.event("QueueCallerJoin").add("Privilege", "agent,all"), "")
                .add("Queue", queue)
                .add("Position", position)
                .add("Count", position)
                .build());
      }
    }

    void ring(String iface) {
      synchronized (pbx) {
        if (!active()) {
          return;
        }
        String memberName = pbx.member(queue, iface).map(QueueMember::memberName).orElse(iface);
        Channel c = callerNow();
        Channel leg =
            pbx.draftChannel(
                iface, Caller.of(agentNumber(iface), memberName), "from-agents", "s", c.linkedid());
        pbx.open(leg);
        leg =
            pbx.update(
                leg.withConnected(c.callerNum(), c.callerName())
                    .withDialplan("from-agents", exten, 1)
                    .withApplication("AppQueue", "(Outgoing Line)"));
        agentLeg = leg;
        agentIface = iface;
        pbx.emit(agentEvent("AgentCalled", c, leg, iface).build());
        pbx.memberStatus(iface, QueueMember.RINGING, false);
        agentLeg = pbx.update(leg.withState(Channel.RINGING));
      }
    }

    void ringNoAnswer(Duration ringFor) {
      synchronized (pbx) {
        if (!active() || agentLeg == null) {
          return;
        }
        Channel c = callerNow().withConnected(agentLeg.callerNum(), agentLeg.callerName());
        pbx.update(c);
        pbx.emit(
            agentEvent("AgentRingNoAnswer", c, agentLeg, agentIface)
                .add("RingTime", ringFor.toMillis())
                .build());
        pbx.hangup(agentLeg.uniqueid(), 0);
        pbx.memberStatus(agentIface, QueueMember.NOT_INUSE, false);
        agentLeg = null;
      }
    }

    void answer(Duration ringFor) {
      synchronized (pbx) {
        if (!active() || agentLeg == null) {
          return;
        }
        Channel c =
            pbx.update(callerNow().withConnected(agentLeg.callerNum(), agentLeg.callerName()));
        int[] left = pbx.leaveQueue(queue, c.uniqueid(), false);
        pbx.emit(
            c.addTo(AmiMessage.event("QueueCallerLeave").add("Privilege", "agent,all"), "")
                .add("Queue", queue)
                .add("Position", left[0])
                .add("Count", left[1])
                .build());
        agentLeg = pbx.update(agentLeg.withState(Channel.UP));
        pbx.emit(
            agentEvent("AgentConnect", c, agentLeg, agentIface)
                .add("HoldTime", holdTime().toSeconds())
                .add("RingTime", ringFor.toSeconds())
                .build());
        pbx.memberStatus(agentIface, QueueMember.INUSE, true);
        String bridge =
            UUID.nameUUIDFromBytes(c.uniqueid().getBytes(StandardCharsets.UTF_8)).toString();
        agentLeg = pbx.update(agentLeg.withBridge(bridge));
        pbx.update(c.withState(Channel.UP).withBridge(bridge));
        pbx.onLeavingBridge(c.uniqueid(), (moved, toContext, toExten) -> redirectedOut(moved));
      }
    }

    /**
     * The caller was redirected out of the bridge (a transfer): as on Asterisk 22 the agent's
     * channel is hung up at once, but app_queue reports the agent's {@code AgentComplete} only when
     * the caller hangs up, with a {@code TalkTime} from the answer to that hang-up.
     */
    void redirectedOut(Channel moved) {
      if (done || transferred || agentLeg == null) {
        return;
      }
      transferred = true;
      strayed = !pbx.hasLanding(moved.uniqueid());
      agentLeg = pbx.update(agentLeg.withBridge(""));
      pbx.hangup(agentLeg.uniqueid(), 16);
      pbx.memberStatus(agentIface, QueueMember.NOT_INUSE, false);
      Channel last = moved;
      pbx.onHangup(
          moved.uniqueid(),
          () -> {
            pbx.emit(
                agentEvent("AgentComplete", last, agentLeg, agentIface)
                    .add("HoldTime", holdTime().toSeconds())
                    .add("TalkTime", Duration.between(answeredAt, pbx.now()).toSeconds())
                    .add("Reason", HangupBy.CALLER.reason())
                    .build());
            pbx.callTaken(queue, agentIface);
            finish();
          });
    }

    private Instant answeredAt;

    private Duration holdTime() {
      if (answeredAt == null) {
        answeredAt = pbx.now();
      }
      return Duration.between(startedAt, answeredAt);
    }

    void complete(Duration talk, HangupBy by) {
      synchronized (pbx) {
        if (transferred) {
          if (strayed) {
            pbx.hangup(callerLeg.uniqueid(), 16); // releases the held AgentComplete
          }
          return;
        }
        if (!active() || agentLeg == null) {
          return;
        }
        pbx.bridgeEnded(callerLeg.uniqueid());
        Channel c = callerNow();
        pbx.emit(
            agentEvent("AgentComplete", c, agentLeg, agentIface)
                .add("HoldTime", holdTime().toSeconds())
                .add("TalkTime", talk.toSeconds())
                .add("Reason", by.reason())
                .build());
        pbx.callTaken(queue, agentIface);
        // The bridge is torn down by whoever hangs up first; each leg then hangs up on its own.
        agentLeg = pbx.update(agentLeg.withBridge(""));
        c = pbx.update(c.withBridge(""));
        if (by == HangupBy.AGENT) {
          pbx.hangup(agentLeg.uniqueid(), 16);
          pbx.memberStatus(agentIface, QueueMember.NOT_INUSE, false);
          if (survey.isPositive()) {
            // Queue(…,c) goes on in the dialplan: the caller rates the call, then hangs up.
            Channel rating = pbx.update(c.withApplication("AGI", "survey"));
            pbx.scheduler()
                .schedule(
                    survey,
                    () -> {
                      synchronized (pbx) {
                        pbx.hangup(rating.uniqueid(), 16);
                        finish();
                      }
                    });
            return;
          }
          pbx.hangup(c.uniqueid(), 16);
        } else {
          pbx.hangup(c.uniqueid(), 16);
          pbx.hangup(agentLeg.uniqueid(), 16);
          pbx.memberStatus(agentIface, QueueMember.NOT_INUSE, false);
        }
        finish();
      }
    }

    void abandon(Duration after) {
      synchronized (pbx) {
        if (!active()) {
          return;
        }
        Channel c = callerNow();
        int[] position = pbx.queuePosition(queue, c.uniqueid());
        pbx.emit(
            c.addTo(AmiMessage.event("QueueCallerAbandon").add("Privilege", "agent,all"), "")
                .add("Queue", queue)
                .add("Position", position[0])
                .add("OriginalPosition", position[1])
                .add("HoldTime", after.toSeconds())
                .build());
        if (agentLeg != null) {
          pbx.hangup(agentLeg.uniqueid(), 0);
          pbx.memberStatus(agentIface, QueueMember.NOT_INUSE, false);
          agentLeg = null;
        }
        int[] left = pbx.leaveQueue(queue, c.uniqueid(), true);
        pbx.emit(
            c.addTo(AmiMessage.event("QueueCallerLeave").add("Privilege", "agent,all"), "")
                .add("Queue", queue)
                .add("Position", left[0])
                .add("Count", left[1])
                .build());
        pbx.update(c.withDialplan(context, "h", 1));
        pbx.hangup(c.uniqueid(), 127);
        finish();
      }
    }

    private AmiMessage.Builder agentEvent(String name, Channel c, Channel leg, String iface) {
      AmiMessage.Builder b = AmiMessage.event(name).add("Privilege", "agent,all");
      c.addTo(b, "");
      leg.addTo(b, "Dest");
      return b.add("Queue", queue)
          .add("Interface", iface)
          .add("MemberName", pbx.member(queue, iface).map(QueueMember::memberName).orElse(iface));
    }
  }

  /** The number an agent phone presents: the digits of its endpoint ({@code agent1001} → 1001). */
  static String agentNumber(String iface) {
    String endpoint = iface.substring(iface.indexOf('/') + 1);
    String digits = endpoint.replaceAll("\\D", "");
    return digits.isEmpty() ? endpoint : digits;
  }
}
