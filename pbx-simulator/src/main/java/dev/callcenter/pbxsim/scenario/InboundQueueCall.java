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

/**
 * Script of one inbound queue call: agents that ring without answering, then an answer or an
 * abandonment, played on the simulator scheduler with the events of Asterisk 22's app_queue.
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
  private Channel existing;

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

  /** The caller's channel is already up (it came from an IVR): no second {@code Newchannel}. */
  InboundQueueCall onOpenChannel(Channel channel) {
    this.existing = channel;
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
    Run run = new Run();
    Duration t = run.start();
    t = run.misses(t);
    Duration answerAt = t.plus(ringFor);
    pbx.scheduler().schedule(t, () -> run.ring(iface));
    pbx.scheduler().schedule(answerAt, () -> run.answer(ringFor));
    pbx.scheduler().schedule(answerAt.plus(talk), () -> run.complete(talk, by));
    return run.handle;
  }

  /**
   * Starts the call; the caller hangs up {@code after} joining the queue, while {@code ringing}
   * (may be null) rings; earlier {@link #noAnswerFrom} agents ring first.
   */
  public CallHandle abandonedAfter(Duration after, String ringing) {
    Run run = new Run();
    Duration t = run.start();
    t = run.misses(t);
    if (ringing != null) {
      pbx.scheduler().schedule(t, () -> run.ring(ringing));
    }
    pbx.scheduler().schedule(after, () -> run.abandon(after));
    return run.handle;
  }

  /** The mutable state of one running call; every step runs under the Pbx lock. */
  private final class Run {
    final Channel callerLeg;
    final CallHandle handle;
    final Instant startedAt;
    Channel agentLeg;
    String agentIface;
    boolean done;

    Run() {
      callerLeg =
          existing != null
              ? existing.withApplication("Queue", queue)
              : pbx.draftChannel(trunk, caller, context, exten, null)
                  .withState(Channel.RING)
                  .withApplication("Queue", queue);
      handle =
          new CallHandle(
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
        Channel c = existing != null ? pbx.update(callerLeg) : pbx.open(callerLeg);
        c = pbx.update(c.withDialplan(context, exten, existing != null ? 4 : 2));
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
      }
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
        if (!active() || agentLeg == null) {
          return;
        }
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
