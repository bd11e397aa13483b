package dev.callcenter.cti.live;

import dev.callcenter.cti.call.AgentAnswered;
import dev.callcenter.cti.call.AgentNoAnswer;
import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.CallAbandoned;
import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallEvent;
import dev.callcenter.cti.call.CallHeld;
import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.CallOffered;
import dev.callcenter.cti.call.CallQueued;
import dev.callcenter.cti.call.CallRecording;
import dev.callcenter.cti.call.CallerId;
import dev.callcenter.cti.call.DialEnded;
import dev.callcenter.cti.call.HangUpRequested;
import dev.callcenter.cti.call.MemberAdded;
import dev.callcenter.cti.call.MemberEvent;
import dev.callcenter.cti.call.MemberPaused;
import dev.callcenter.cti.call.MemberRemoved;
import dev.callcenter.cti.call.MemberStatusChanged;
import dev.callcenter.cti.call.OriginateResult;
import dev.callcenter.cti.call.PbxBooted;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.cti.call.PbxEventSink;
import dev.callcenter.cti.call.PbxRestarting;
import dev.callcenter.cti.call.PbxSnapshot;
import dev.callcenter.cti.call.PhoneDialed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live picture of the call center — calls by id, queue memberships, agents' states and queue
 * figures — built from the PBX's events and replaced wholesale by each {@link PbxSnapshot}.
 *
 * <p>A call has one leg per answer: a transfer ends the transferring agent's leg when their channel
 * leaves the call, and the agent who answers next gets a leg of their own (ADR 0016).
 *
 * <p>Events arrive on one thread; reads come from API threads; every method holds the lock, does no
 * I/O and tells the {@link CtiListener} what changed.
 */
public final class LiveState implements PbxEventSink {
  private static final Logger log = LoggerFactory.getLogger(LiveState.class);

  private final AgentDirectory directory;
  private final CtiListener listener;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration wrapUp;
  private final int thresholdSeconds;

  /** How long app_queue's AgentComplete may trail the agent's hang-up before we stop waiting. */
  static final Duration AGENT_COMPLETE_GRACE = Duration.ofSeconds(5);

  private final Map<String, LiveCall> calls = new LinkedHashMap<>();

  /** interface → queue → membership. */
  private final Map<String, Map<String, Membership>> members = new HashMap<>();

  private final Map<String, AgentLine> lines = new HashMap<>();
  private final Map<String, DayCounts> counts = new TreeMap<>();

  /** Queues whose figures changed since the last {@link #publishQueues()}. */
  private final Set<String> dirtyQueues = new TreeSet<>();

  private LocalDate day;

  private record Membership(String memberName, boolean paused, String reason) {}

  /** Per-agent-interface call state. */
  private static final class AgentLine {
    final Set<String> ringing = new LinkedHashSet<>();
    String onCall;
    String lastCall;
    Instant wrapUntil;
    AgentStatus published;
  }

  private static final class DayCounts {
    int answered;
    int answeredWithin;
    int abandoned;
  }

  /** One agent's part of a call: from their answer until they leave it. */
  private static final class Leg {
    final String agentInterface;
    final String memberName;
    final String agentUniqueid;
    final String queue;
    final Instant queuedAt;
    final Instant answeredAt;
    final long waitSeconds;
    final long ringSeconds;
    final CallView.Transfer transferredFrom;
    long talkSeconds;
    long heldMillis;
    Instant holdSince;

    /** app_queue's AgentComplete arrived: talk time and side are known. */
    boolean completed;

    /**
     * Answered through the dialplan's {@code Dial}, not a queue: no AgentComplete will come, the
     * hang-up of the agent's channel ends the leg.
     */
    boolean dialed;

    /** When the agent's channel hung up, while app_queue's AgentComplete is still to come. */
    Instant channelGoneAt;

    CallCompleted.EndedBy endedBy;

    /** The agent's part is over; null while they are on the call. */
    Instant endedAt;

    /** The hang-up cause of the agent's own channel, for a leg that ended before the call. */
    Integer cause;

    String causeText;

    Leg(
        String agentInterface,
        String memberName,
        String agentUniqueid,
        String queue,
        Instant queuedAt,
        Instant answeredAt,
        long waitSeconds,
        long ringSeconds,
        CallView.Transfer transferredFrom) {
      this.agentInterface = agentInterface;
      this.memberName = memberName;
      this.agentUniqueid = agentUniqueid;
      this.queue = queue;
      this.queuedAt = queuedAt;
      this.answeredAt = answeredAt;
      this.waitSeconds = waitSeconds;
      this.ringSeconds = ringSeconds;
      this.transferredFrom = transferredFrom;
    }

    boolean open() {
      return endedAt == null;
    }

    void closeHold(Instant at) {
      if (holdSince != null) {
        heldMillis += Duration.between(holdSince, at).toMillis();
        holdSince = null;
      }
    }

    /** Ends the leg at {@code at}; without app_queue's figure the talk time runs until then. */
    void end(Instant at) {
      endedAt = at;
      closeHold(at);
      if (!completed) {
        talkSeconds = Math.max(0, Duration.between(answeredAt, at).toSeconds());
      }
    }
  }

  /** A transfer the server sent: the agent's next hang-up ends their leg. */
  private record PendingTransfer(String agentInterface, CallView.Transfer from) {}

  private static final class LiveCall {
    final String callId;
    String uniqueid;
    String channel;
    CallerId caller;
    String queue;
    Instant offeredAt;
    Instant queuedAt;
    Instant endedAt;
    String lastRung;
    final Set<String> ringing = new LinkedHashSet<>();
    final List<Leg> legs = new ArrayList<>();

    /** Phones the dialplan's {@code Dial} rings for this call, with when each began. */
    final Map<String, Instant> dialing = new HashMap<>();

    /** When the gateway last applied an event of this call (its own clock). */
    Instant seenAt;

    /** The first party to hang up their side since the last answer (a HangupRequest). */
    HangUpRequested firstHangUp;

    /** Waiting in {@link #queue} now. */
    boolean inQueue;

    long waitSeconds;
    boolean abandoned;
    boolean callerGone;
    Integer cause;
    String causeText;
    String recording;
    PendingTransfer pending;

    /** The last transfer that brought the call where it is now. */
    CallView.Transfer transferredFrom;

    LiveCall(String callId) {
      this.callId = callId;
    }

    boolean waiting() {
      return inQueue && !abandoned && endedAt == null;
    }

    /** The leg in progress: the last one still open. */
    Leg current() {
      for (int i = legs.size() - 1; i >= 0; i--) {
        if (legs.get(i).open()) {
          return legs.get(i);
        }
      }
      return null;
    }

    Leg openLegOf(String agentInterface) {
      for (int i = legs.size() - 1; i >= 0; i--) {
        Leg l = legs.get(i);
        if (l.open() && l.agentInterface.equals(agentInterface)) {
          return l;
        }
      }
      return null;
    }

    /** The open leg whose agent channel is {@code uniqueid} (by interface when it is unknown). */
    Leg openLegOn(String uniqueid, String agentInterface) {
      for (Leg l : legs) {
        boolean same =
            l.agentUniqueid != null
                ? l.agentUniqueid.equals(uniqueid)
                : l.agentInterface.equals(agentInterface);
        if (l.open() && same) {
          return l;
        }
      }
      return null;
    }

    boolean transferPendingFor(String agentInterface) {
      return pending != null && pending.agentInterface().equals(agentInterface);
    }

    /** Who passed the call on to where it is now, or is passing it on. */
    CallView.Transfer transfer() {
      return pending != null ? pending.from() : transferredFrom;
    }

    /** The call now: its leg in progress, else where it waits or how it ended unanswered. */
    CallView view() {
      Leg l = current();
      return l != null ? legView(l) : waitingView(queue);
    }

    /** The call as it waits in {@code inQueue} (null: rings a phone) for someone to answer. */
    CallView waitingView(String inQueue) {
      return new CallView(
          callId,
          uniqueid,
          channel,
          caller,
          inQueue,
          offeredAt,
          queuedAt,
          null,
          endedAt,
          null,
          lastRung,
          waitSeconds,
          0,
          0,
          0,
          abandoned,
          cause,
          causeText,
          null,
          recording,
          transfer());
    }

    /** One agent's part: their queue, answer, talk and hold, and how it ended. */
    CallView legView(Leg l) {
      boolean own = l.cause != null;
      return new CallView(
          callId,
          uniqueid,
          channel,
          caller,
          l.queue,
          offeredAt,
          l.queuedAt,
          l.answeredAt,
          l.endedAt,
          l.agentInterface,
          lastRung,
          l.waitSeconds,
          l.ringSeconds,
          l.talkSeconds,
          (l.heldMillis + 500) / 1000,
          false,
          own ? l.cause : cause,
          own ? l.causeText : causeText,
          l.endedBy,
          recording,
          l.transferredFrom);
    }

    /** The ended call: its last agent's part when anyone answered, else the unanswered call. */
    CallView finalView() {
      return legs.isEmpty() ? view() : legView(legs.getLast());
    }
  }

  /**
   * @param wrapUp how long an agent stays in wrap-up after a queue call (zero for none; match the
   *     queue's {@code wrapuptime})
   * @param thresholdSeconds the service-level threshold: answered within this many seconds
   */
  public LiveState(
      AgentDirectory directory,
      CtiListener listener,
      Clock clock,
      ZoneId zone,
      Duration wrapUp,
      int thresholdSeconds) {
    this.directory = directory;
    this.listener = listener;
    this.clock = clock;
    this.zone = zone;
    this.wrapUp = wrapUp;
    this.thresholdSeconds = thresholdSeconds;
    this.day = LocalDate.ofInstant(clock.instant(), zone);
  }

  // ------------------------------------------------------------------ reads

  public synchronized Optional<AgentStatus> agent(long userId) {
    return directory.byUser(userId).map(this::status);
  }

  public synchronized List<AgentStatus> agents() {
    return directory.all().stream().map(this::status).toList();
  }

  public synchronized Optional<CallView> call(String callId) {
    return Optional.ofNullable(calls.get(callId)).map(LiveCall::view);
  }

  /** The call ringing or in progress on this agent's phone (their part of it), if any. */
  public synchronized Optional<CallView> currentCall(String agentInterface) {
    AgentLine line = lines.get(agentInterface);
    if (line == null) {
      return Optional.empty();
    }
    if (line.onCall != null) {
      LiveCall c = calls.get(line.onCall);
      Leg l = c == null ? null : c.openLegOf(agentInterface);
      if (l != null) {
        return Optional.of(c.legView(l));
      }
    }
    return line.ringing.stream().findFirst().map(calls::get).map(LiveCall::view);
  }

  /**
   * Marks the call this agent is talking on as being transferred by the server, before the PBX is
   * told: the next hang-up of the agent's channel then ends their leg (without the mark an agent's
   * hang-up is the normal end, the caller staying on for the survey).
   *
   * @return the agent's part of the call; empty when they are on no answered call
   */
  public synchronized Optional<CallView> startTransfer(String agentInterface) {
    AgentLine line = lines.get(agentInterface);
    LiveCall c = line == null || line.onCall == null ? null : calls.get(line.onCall);
    Leg l = c == null ? null : c.openLegOf(agentInterface);
    if (l == null || c.channel == null) {
      return Optional.empty();
    }
    c.pending = new PendingTransfer(agentInterface, transferOf(l, clock.instant()));
    return Optional.of(c.legView(l));
  }

  /** The PBX refused the transfer: the agent's leg goes on as before. */
  public synchronized void transferFailed(String callId, String agentInterface) {
    LiveCall c = calls.get(callId);
    if (c != null && c.transferPendingFor(agentInterface)) {
      c.pending = null;
    }
  }

  /** The queues this interface is a member of on the PBX. */
  /** One agent's membership of one queue, as the PBX last reported it. */
  public record QueueMembership(
      String queue, String agentInterface, String memberName, boolean paused, String reason) {}

  /** Every queue membership the PBX last reported. */
  public synchronized List<QueueMembership> memberships() {
    List<QueueMembership> all = new ArrayList<>();
    members.forEach(
        (iface, queues) ->
            queues.forEach(
                (queue, m) ->
                    all.add(
                        new QueueMembership(
                            queue, iface, m.memberName(), m.paused(), m.reason()))));
    return all;
  }

  public synchronized Set<String> queuesOf(String agentInterface) {
    return Set.copyOf(members.getOrDefault(agentInterface, Map.of()).keySet());
  }

  public synchronized List<QueueFigures> queues() {
    rollDay();
    Set<String> names = new TreeSet<>(counts.keySet());
    members.values().forEach(m -> names.addAll(m.keySet()));
    calls.values().stream().filter(c -> c.queue != null).forEach(c -> names.add(c.queue));
    return names.stream().map(this::figures).toList();
  }

  /**
   * Tells the listener the figures of every queue that changed since the last call. Figures are
   * published at this pace (a few times a second) rather than per event: a queue's figures cost a
   * pass over its members, and a wallboard cannot show more anyway.
   */
  public synchronized void publishQueues() {
    if (dirtyQueues.isEmpty()) {
      return;
    }
    List<String> changed = List.copyOf(dirtyQueues);
    dirtyQueues.clear();
    changed.forEach(q -> listener.queueChanged(figures(q)));
  }

  /** Ends wrap-ups that are due; call it every second or so. */
  public synchronized void tick() {
    Instant now = clock.instant();
    for (Map.Entry<String, AgentLine> e : lines.entrySet()) {
      if (e.getValue().wrapUntil != null && !now.isBefore(e.getValue().wrapUntil)) {
        e.getValue().wrapUntil = null;
        publishAgent(e.getKey());
      }
    }
    if (rollDay()) {
      dirtyQueues.addAll(counts.keySet());
    }
    completeOrphanedLegs(now);
  }

  /**
   * A queue agent's phone hung up, and app_queue's {@code AgentComplete} has not come {@link
   * #AGENT_COMPLETE_GRACE} later: Asterisk does not always send it (seen when both channels of a
   * call are hung up at once). Their part ends at their channel's hang-up, timed by the gateway, so
   * the agent is not left on a call their phone no longer has; logged, because it means the PBX
   * left something out.
   */
  private void completeOrphanedLegs(Instant now) {
    for (LiveCall c : List.copyOf(calls.values())) {
      for (Leg leg : c.legs) {
        if (leg.open()
            && !leg.completed
            && leg.channelGoneAt != null
            && !now.isBefore(leg.channelGoneAt.plus(AGENT_COMPLETE_GRACE))) {
          log.warn(
              "No AgentComplete for {} on call {} {} s after their phone hung up;"
                  + " ending their part at that hang-up",
              leg.agentInterface,
              c.callId,
              Duration.between(leg.channelGoneAt, now).toSeconds());
          leg.completed = true;
          leg.talkSeconds =
              Math.max(0, Duration.between(leg.answeredAt, leg.channelGoneAt).toSeconds());
          leg.endedBy = c.callerGone ? CallCompleted.EndedBy.CALLER : CallCompleted.EndedBy.AGENT;
          AgentLine line = line(leg.agentInterface);
          if (c.callId.equals(line.onCall)) {
            line.onCall = null;
            line.wrapUntil = wrapUp.isZero() ? null : leg.channelGoneAt.plus(wrapUp);
          }
          publishAgent(leg.agentInterface);
          endIfOver(c, leg.channelGoneAt);
        }
      }
    }
  }

  // ------------------------------------------------------------------ events

  @Override
  public synchronized void accept(PbxEvent event) {
    if (event instanceof CallEvent e) {
      LiveCall seen = calls.get(e.callId());
      if (seen != null) {
        seen.seenAt = clock.instant();
      }
    }
    switch (event) {
      case CallOffered e when isAgentPhone(interfaceOf(e.channel())) -> {
        // An agent dialling out or calling a colleague from their phone: nobody called in, so
        // nothing to pop, count or miss (as placedByAnAgent decides for a snapshot).
      }
      case CallOffered e -> {
        LiveCall c = callFor(e.callId());
        c.uniqueid = e.uniqueid();
        c.channel = e.channel();
        c.caller = e.caller();
        c.offeredAt = e.at();
      }
      case CallQueued e -> {
        LiveCall c = callFor(e.callId());
        c.queue = e.queue();
        c.queuedAt = e.at();
        c.inQueue = true;
        c.abandoned = false;
        listener.queued(c.view());
        dirtyQueues.add(e.queue());
      }
      case AgentRinging e -> ringing(e);
      case AgentNoAnswer e -> {
        LiveCall c = calls.get(e.callId());
        if (c != null && c.ringing.remove(e.agentInterface())) {
          stopRinging(c, e.agentInterface(), "no-answer");
        }
        publishAgent(e.agentInterface());
      }
      case AgentAnswered e -> answered(e);
      case CallAbandoned e -> {
        LiveCall c = callFor(e.callId());
        c.abandoned = true;
        c.inQueue = false;
        c.queue = e.queue();
        c.waitSeconds = e.holdSeconds();
        stopAllRinging(c, "abandoned");
        counts(e.queue()).abandoned++;
        dirtyQueues.add(e.queue());
      }
      case CallCompleted e -> completed(e);
      case CallHungUp e -> hungUp(e);
      case PhoneDialed e -> dialed(e);
      case DialEnded e -> dialEnded(e);
      case HangUpRequested e -> {
        LiveCall c = calls.get(e.callId());
        Leg now = c == null ? null : c.current();
        if (c != null
            && (c.firstHangUp == null
                || (now != null && c.firstHangUp.at().isBefore(now.answeredAt)))) {
          c.firstHangUp = e;
        }
      }
      case CallHeld e -> {
        LiveCall c = calls.get(e.callId());
        Leg l = c == null ? null : c.current();
        if (l != null) {
          if (e.held() && l.holdSince == null) {
            l.holdSince = e.at();
          } else if (!e.held()) {
            l.closeHold(e.at());
          }
        }
      }
      case CallRecording e -> {
        LiveCall c = calls.get(e.callId());
        if (c != null) {
          c.recording = e.reference();
        }
      }
      case MemberEvent e -> member(e);
      case PbxSnapshot s -> rebuild(s);
      case OriginateResult o -> {
        // A click-to-call's phone answered or not: logged by ClickToCalls, nothing to show.
      }
      case PbxBooted b -> {
        // Nothing to show; the restorer decides whether members must be put back.
      }
      case PbxRestarting r -> {
        for (LiveCall c : List.copyOf(calls.values())) {
          c.callerGone = true;
          c.causeText = c.causeText == null ? "PBX restarted" : c.causeText;
          stopAllRinging(c, "hung-up");
          end(c, r.at());
        }
      }
    }
  }

  private void ringing(AgentRinging e) {
    LiveCall c = callFor(e.callId());
    if (c.caller == null || (c.caller.number() == null && !c.caller.anonymous())) {
      c.caller = e.caller();
    }
    if (c.current() == null) {
      c.queue = e.queue(); // a transferred call rings in the queue it was sent to
      c.inQueue = true;
    }
    c.ringing.add(e.agentInterface());
    c.lastRung = e.agentInterface();
    line(e.agentInterface()).ringing.add(c.callId);
    publishAgent(e.agentInterface());
    directory.byInterface(e.agentInterface()).ifPresent(a -> listener.ringing(a, c.view()));
  }

  private void answered(AgentAnswered e) {
    LiveCall c = callFor(e.callId());
    Leg leg =
        new Leg(
            e.agentInterface(),
            e.memberName(),
            e.agentUniqueid(),
            e.queue(),
            c.queuedAt,
            e.at(),
            e.holdSeconds(),
            e.ringSeconds(),
            c.transfer());
    c.legs.add(leg);
    c.queue = e.queue();
    c.inQueue = false;
    c.ringing.remove(e.agentInterface());
    line(e.agentInterface()).ringing.remove(c.callId);
    stopAllRinging(c, "answered-elsewhere");
    AgentLine line = line(e.agentInterface());
    line.onCall = c.callId;
    line.lastCall = c.callId;
    line.wrapUntil = null;
    DayCounts n = counts(e.queue());
    n.answered++;
    if (e.holdSeconds() <= thresholdSeconds) {
      n.answeredWithin++;
    }
    publishAgent(e.agentInterface());
    CallView view = c.legView(leg);
    directory.byInterface(e.agentInterface()).ifPresent(a -> listener.answered(a, view));
    dirtyQueues.add(e.queue());
  }

  /**
   * app_queue's {@code AgentComplete}: the agent's talk time and side. It ends a leg the agent
   * transferred (reason {@code transfer}, or a transfer the server sent). One for a leg that has
   * already ended is the late report of a redirected agent, whose talk time covers the rest of the
   * call: it is ignored, so it can neither end nor re-time the leg in progress.
   */
  private void completed(CallCompleted e) {
    LiveCall c = calls.get(e.callId());
    Leg leg = c == null ? null : c.openLegOf(e.agentInterface());
    AgentLine line = line(e.agentInterface());
    if (leg == null) {
      if (c == null && e.callId().equals(line.onCall)) {
        line.onCall = null; // a call we lost track of
        line.wrapUntil = wrapUp.isZero() ? null : e.at().plus(wrapUp);
        publishAgent(e.agentInterface());
      } else if (c != null) {
        log.debug(
            "Late AgentComplete of {} for call {} ignored: their leg already ended",
            e.agentInterface(),
            e.callId());
      }
      return;
    }
    leg.completed = true;
    leg.talkSeconds = e.talkSeconds();
    leg.endedBy = e.endedBy();
    if (e.callId().equals(line.onCall)) {
      line.onCall = null;
      line.wrapUntil = wrapUp.isZero() ? null : e.at().plus(wrapUp);
    }
    publishAgent(e.agentInterface());
    if (e.endedBy() == CallCompleted.EndedBy.TRANSFER || c.transferPendingFor(leg.agentInterface)) {
      transferred(c, leg, e.at(), null, null);
    } else {
      endIfOver(c, e.at());
    }
  }

  private void hungUp(CallHungUp e) {
    LiveCall c = calls.get(e.callId());
    if (c == null) {
      return;
    }
    if (e.uniqueid().equals(c.uniqueid) || c.uniqueid == null) {
      c.callerGone = true;
      c.cause = e.cause();
      c.causeText = e.causeText();
      stopAllRinging(c, "hung-up");
      endIfOver(c, e.at());
      return;
    }
    // An agent's channel: only a transfer the server sent ends their leg here. Otherwise their
    // AgentComplete does, and the caller may stay on for the survey.
    Leg leg = c.openLegOn(e.uniqueid(), interfaceOf(e.channel()));
    if (leg != null && c.transferPendingFor(leg.agentInterface)) {
      transferred(c, leg, e.at(), e.cause(), e.causeText());
    } else if (leg != null && leg.dialed) {
      phoneHungUp(c, leg, e);
    } else if (leg != null && !leg.completed) {
      leg.channelGoneAt = e.at(); // AgentComplete follows; tick() copes if it never does
    } else if (leg == null && c.dialing.remove(interfaceOf(e.channel())) != null) {
      // a dialled phone that stopped ringing without a DialEnd we could use
      if (c.ringing.remove(interfaceOf(e.channel()))) {
        stopRinging(c, interfaceOf(e.channel()), "no-answer");
      }
    }
  }

  /**
   * The dialplan rings a phone for a call outside any queue: a transfer to an extension, or a
   * number routed straight to a phone. The agent whose phone it is gets the pop. app_queue's own
   * dials are not this: they come while the call waits in the queue, after {@code AgentCalled}.
   */
  private void dialed(PhoneDialed e) {
    LiveCall c = calls.get(e.callId());
    if (c == null
        || c.inQueue
        || c.endedAt != null
        || e.agentUniqueid() == null
        || (c.uniqueid != null && !c.uniqueid.equals(e.dialerUniqueid()))) {
      return; // a queue's own ringing, a call placed by an agent, or a consultation leg
    }
    Optional<AgentRef> agent = directory.byInterface(e.agentInterface());
    if (agent.isEmpty()) {
      return; // a trunk, or a phone that is nobody's
    }
    // The caller dials on: whoever transferred them is off the call even if their hang-up is late.
    Leg before = c.current();
    if (before != null && c.transferPendingFor(before.agentInterface)) {
      transferred(c, before, e.at(), null, null);
    }
    if (c.caller == null || (c.caller.number() == null && !c.caller.anonymous())) {
      c.caller = e.caller();
    }
    String iface = e.agentInterface();
    c.dialing.put(iface, e.at());
    c.ringing.add(iface);
    c.lastRung = iface;
    line(iface).ringing.add(c.callId);
    publishAgent(iface);
    // as the ringing phone sees it: no queue, and who transferred it there
    listener.ringing(agent.get(), c.waitingView(null));
  }

  private void dialEnded(DialEnded e) {
    LiveCall c = calls.get(e.callId());
    String iface = e.agentInterface();
    Instant rangFrom = c == null ? null : c.dialing.remove(iface);
    if (rangFrom == null) {
      return;
    }
    c.ringing.remove(iface);
    if (!e.answered()) {
      stopRinging(c, iface, "no-answer");
      return;
    }
    long ringSeconds = Math.max(0, Duration.between(rangFrom, e.at()).toSeconds());
    Leg leg =
        new Leg(
            iface,
            null,
            e.agentUniqueid(),
            null,
            rangFrom,
            e.at(),
            ringSeconds,
            ringSeconds,
            c.transfer());
    leg.dialed = true;
    c.legs.add(leg);
    line(iface).ringing.remove(c.callId);
    stopAllRinging(c, "answered-elsewhere");
    AgentLine line = line(iface);
    line.onCall = c.callId;
    line.lastCall = c.callId;
    line.wrapUntil = null;
    publishAgent(iface);
    CallView view = c.legView(leg);
    directory.byInterface(iface).ifPresent(a -> listener.answered(a, view));
  }

  /** The phone of a dialled leg hung up: that agent's part is over (no AgentComplete comes). */
  private void phoneHungUp(LiveCall c, Leg leg, CallHungUp e) {
    leg.end(e.at());
    leg.completed = true;
    // Who hung up first: their HangupRequest since the answer; Asterisk hangs the other side up
    // with a soft request, and the Hangup events may come in either order.
    HangUpRequested first = c.firstHangUp;
    boolean byCaller =
        first != null && !first.at().isBefore(leg.answeredAt)
            ? !first.uniqueid().equals(leg.agentUniqueid)
            : c.callerGone;
    leg.endedBy = byCaller ? CallCompleted.EndedBy.CALLER : CallCompleted.EndedBy.AGENT;
    AgentLine line = line(leg.agentInterface);
    if (c.callId.equals(line.onCall)) {
      line.onCall = null;
      line.wrapUntil = wrapUp.isZero() ? null : e.at().plus(wrapUp);
    }
    publishAgent(leg.agentInterface);
    CallView view = c.legView(leg);
    directory.byInterface(leg.agentInterface).ifPresent(a -> listener.legEnded(a, view));
    endIfOver(c, e.at());
  }

  /** The agent passed the call on: their leg ends now, the call goes on without them. */
  private void transferred(LiveCall c, Leg leg, Instant at, Integer cause, String causeText) {
    leg.end(at);
    leg.endedBy = CallCompleted.EndedBy.TRANSFER;
    if (cause != null) {
      leg.cause = cause;
      leg.causeText = causeText;
    }
    c.transferredFrom =
        c.transferPendingFor(leg.agentInterface) ? c.pending.from() : transferOf(leg, at);
    if (c.transferPendingFor(leg.agentInterface)) {
      c.pending = null;
    }
    AgentLine line = line(leg.agentInterface);
    if (c.callId.equals(line.onCall)) {
      line.onCall = null;
      line.wrapUntil = wrapUp.isZero() ? null : at.plus(wrapUp);
    }
    publishAgent(leg.agentInterface);
    CallView view = c.legView(leg);
    directory.byInterface(leg.agentInterface).ifPresent(a -> listener.legEnded(a, view));
    if (leg.queue != null) {
      dirtyQueues.add(leg.queue);
    }
    endIfOver(c, at);
  }

  private CallView.Transfer transferOf(Leg leg, Instant at) {
    Optional<AgentRef> agent = directory.byInterface(leg.agentInterface);
    String name =
        agent
            .map(AgentRef::displayName)
            .orElse(leg.memberName != null ? leg.memberName : leg.agentInterface);
    return new CallView.Transfer(
        leg.agentInterface, agent.map(AgentRef::userId).orElse(null), name, leg.queue, at);
  }

  private void member(MemberEvent e) {
    Map<String, Membership> queues =
        members.computeIfAbsent(e.agentInterface(), k -> new TreeMap<>());
    switch (e) {
      case MemberAdded a ->
          queues.put(
              a.queue(),
              new Membership(a.memberName(), a.paused(), a.paused() ? a.reason() : null));
      case MemberRemoved r -> queues.remove(r.queue());
      case MemberPaused p ->
          queues.put(
              p.queue(),
              new Membership(p.memberName(), p.paused(), p.paused() ? p.reason() : null));
      case MemberStatusChanged s ->
          queues.putIfAbsent(s.queue(), new Membership(s.memberName(), false, null));
    }
    if (queues.isEmpty()) {
      members.remove(e.agentInterface());
    }
    publishAgent(e.agentInterface());
    dirtyQueues.add(e.queue());
  }

  @Override
  public synchronized void linkDown() {
    // Keep what we know; the snapshot after the reconnect corrects it.
  }

  private void rebuild(PbxSnapshot s) {
    Set<String> touchedQueues = new TreeSet<>(counts.keySet());
    members.values().forEach(m -> touchedQueues.addAll(m.keySet()));
    members.clear();
    for (PbxSnapshot.Member m : s.members()) {
      members
          .computeIfAbsent(m.agentInterface(), k -> new TreeMap<>())
          .put(m.queue(), new Membership(m.memberName(), m.paused(), m.pausedReason()));
      touchedQueues.add(m.queue());
    }
    Map<String, List<PbxSnapshot.Channel>> byCall = new LinkedHashMap<>();
    for (PbxSnapshot.Channel ch : s.channels()) {
      byCall.computeIfAbsent(ch.callId(), k -> new ArrayList<>()).add(ch);
    }
    // Calls the PBX reported on since we asked: their events know better than the snapshot.
    Set<String> fresh = new HashSet<>();
    for (LiveCall c : calls.values()) {
      if (newerThan(c, s)) {
        fresh.add(c.callId);
      }
    }
    // Calls that ended while we were not listening.
    for (LiveCall c : List.copyOf(calls.values())) {
      if (!byCall.containsKey(c.callId) && !fresh.contains(c.callId)) {
        c.callerGone = true;
        stopAllRinging(c, "hung-up");
        end(c, s.at());
      }
    }
    Map<String, PbxSnapshot.Waiting> waitingByUniqueid = new HashMap<>();
    s.waiting().forEach(w -> waitingByUniqueid.put(w.uniqueid(), w));
    lines.values().stream().filter(l -> !fresh.contains(l.onCall)).forEach(l -> l.onCall = null);
    for (Map.Entry<String, List<PbxSnapshot.Channel>> e : byCall.entrySet()) {
      if (!calls.containsKey(e.getKey()) && placedByAnAgent(e.getValue(), waitingByUniqueid)) {
        continue; // click-to-call or an internal call: nobody called in, nothing to pop or miss
      }
      if (fresh.contains(e.getKey())) {
        continue;
      }
      LiveCall c = callFor(e.getKey());
      Set<String> talking = new TreeSet<>();
      for (PbxSnapshot.Channel ch : e.getValue()) {
        String iface = interfaceOf(ch.channel());
        PbxSnapshot.Waiting w = waitingByUniqueid.get(ch.uniqueid());
        if (ch.uniqueid().equals(e.getKey()) || w != null) {
          c.uniqueid = ch.uniqueid();
          c.channel = ch.channel();
          c.caller = c.caller == null ? ch.caller() : c.caller;
          c.offeredAt =
              c.offeredAt == null ? s.at().minusSeconds(ch.durationSeconds()) : c.offeredAt;
          c.inQueue = w != null;
          if (w != null) {
            c.queue = w.queue();
            c.queuedAt = c.queuedAt == null ? s.at().minusSeconds(w.waitSeconds()) : c.queuedAt;
          }
        } else if (members.containsKey(iface) && ch.bridgeId() != null) {
          // An agent's leg in a bridge: that agent is talking on this call.
          talking.add(iface);
          line(iface).onCall = c.callId;
          line(iface).ringing.remove(c.callId);
          c.ringing.remove(iface);
          if (c.openLegOf(iface) == null) {
            c.legs.add(
                new Leg(
                    iface,
                    null,
                    ch.uniqueid(),
                    c.queue,
                    c.queuedAt,
                    s.at().minusSeconds(ch.durationSeconds()),
                    0,
                    0,
                    c.transfer()));
          }
        }
      }
      // Agents who left the call while we were away: their AgentComplete was lost.
      for (Leg l : c.legs) {
        if (l.open() && !l.completed && !talking.contains(l.agentInterface)) {
          l.completed = true;
          l.talkSeconds = Math.max(0, Duration.between(l.answeredAt, s.at()).toSeconds());
        }
      }
    }
    for (AgentLine line : lines.values()) {
      line.ringing.removeIf(id -> !calls.containsKey(id));
    }
    Set<String> ifaces = new TreeSet<>(lines.keySet());
    ifaces.addAll(members.keySet());
    directory.all().forEach(a -> ifaces.add(a.agentInterface()));
    ifaces.forEach(this::publishAgent);
    calls.values().stream().filter(c -> c.queue != null).forEach(c -> touchedQueues.add(c.queue));
    dirtyQueues.addAll(touchedQueues);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Whether a call the snapshot shows began on an agent's own phone (its first channel, whose
   * uniqueid is the linkedid, is an agent's interface) and waits in no queue: an originated
   * click-to-call, not a caller.
   */
  private boolean placedByAnAgent(
      List<PbxSnapshot.Channel> channels, Map<String, PbxSnapshot.Waiting> waiting) {
    for (PbxSnapshot.Channel ch : channels) {
      if (waiting.containsKey(ch.uniqueid())) {
        return false;
      }
    }
    return channels.stream()
        .filter(ch -> ch.uniqueid().equals(ch.callId()))
        .map(ch -> interfaceOf(ch.channel()))
        .anyMatch(this::isAgentPhone);
  }

  /** Whether {@code iface} is an agent's phone: a queue member's or one assigned to an agent. */
  private boolean isAgentPhone(String iface) {
    return iface != null
        && (members.containsKey(iface) || directory.byInterface(iface).isPresent());
  }

  private LiveCall callFor(String callId) {
    return calls.computeIfAbsent(
        callId,
        id -> {
          LiveCall c = new LiveCall(id);
          c.seenAt = clock.instant();
          return c;
        });
  }

  /**
   * Whether the PBX may have reported on {@code c} after the snapshot was asked for (the events and
   * the snapshot travel on two connections): then the snapshot cannot say it is over or who left.
   */
  private static boolean newerThan(LiveCall c, PbxSnapshot s) {
    return c.seenAt != null && !c.seenAt.isBefore(s.requestedAt());
  }

  private AgentLine line(String agentInterface) {
    return lines.computeIfAbsent(agentInterface, k -> new AgentLine());
  }

  private void stopAllRinging(LiveCall c, String why) {
    for (String iface : List.copyOf(c.ringing)) {
      stopRinging(c, iface, why);
    }
    c.ringing.clear();
  }

  private void stopRinging(LiveCall c, String iface, String why) {
    line(iface).ringing.remove(c.callId);
    publishAgent(iface);
    directory.byInterface(iface).ifPresent(a -> listener.ringingStopped(a, c.view(), why));
  }

  /**
   * A call is over when its caller has gone and app_queue has reported on every agent still on it
   * (their AgentComplete carries the talk time).
   */
  private void endIfOver(LiveCall c, Instant at) {
    if (c.callerGone && c.legs.stream().allMatch(l -> !l.open() || l.completed)) {
      end(c, at);
    }
  }

  private void end(LiveCall c, Instant at) {
    if (c.endedAt != null) {
      return;
    }
    c.endedAt = at;
    List<Leg> closing = c.legs.stream().filter(Leg::open).toList();
    closing.forEach(l -> l.end(at));
    calls.remove(c.callId);
    for (Map.Entry<String, AgentLine> e : lines.entrySet()) {
      AgentLine line = e.getValue();
      boolean changed = line.ringing.remove(c.callId);
      if (c.callId.equals(line.onCall)) {
        line.onCall = null;
        line.wrapUntil = wrapUp.isZero() ? null : at.plus(wrapUp);
        changed = true;
      }
      if (changed) {
        publishAgent(e.getKey());
      }
    }
    for (Leg l : closing) {
      CallView view = c.legView(l);
      directory.byInterface(l.agentInterface).ifPresent(a -> listener.legEnded(a, view));
    }
    listener.ended(c.finalView());
    if (c.queue != null) {
      dirtyQueues.add(c.queue);
    }
  }

  private void publishAgent(String agentInterface) {
    directory
        .byInterface(agentInterface)
        .ifPresent(
            a -> {
              AgentLine line = line(agentInterface);
              AgentStatus now = status(a);
              AgentStatus before = line.published;
              if (before == null
                  || before.state() != now.state()
                  || !java.util.Objects.equals(before.reason(), now.reason())
                  || !java.util.Objects.equals(before.callId(), now.callId())
                  || !before.queues().equals(now.queues())) {
                line.published = now;
                listener.agentChanged(now);
              }
            });
  }

  private AgentStatus status(AgentRef a) {
    AgentLine line = lines.get(a.agentInterface());
    Map<String, Membership> queues = members.getOrDefault(a.agentInterface(), Map.of());
    AgentState state;
    String reason = null;
    String callId = null;
    Instant now = clock.instant();
    if (line != null && !line.ringing.isEmpty() && line.onCall == null) {
      state = AgentState.RINGING;
      callId = line.ringing.iterator().next();
    } else if (line != null && line.onCall != null) {
      state = AgentState.ON_CALL;
      callId = line.onCall;
    } else if (line != null && line.wrapUntil != null && now.isBefore(line.wrapUntil)) {
      state = AgentState.WRAP_UP;
      callId = line.lastCall;
    } else if (queues.isEmpty()) {
      state = AgentState.LOGGED_OUT;
    } else if (queues.values().stream().allMatch(Membership::paused)) {
      state = AgentState.PAUSED;
      reason =
          queues.values().stream()
              .map(Membership::reason)
              .filter(r -> r != null)
              .findFirst()
              .orElse(null);
    } else {
      state = AgentState.AVAILABLE;
    }
    AgentStatus before = line == null ? null : line.published;
    Instant since =
        before != null
                && before.state() == state
                && java.util.Objects.equals(before.callId(), callId)
            ? before.since()
            : now;
    return new AgentStatus(
        a.userId(),
        a.username(),
        a.displayName(),
        a.agentInterface(),
        state,
        reason,
        callId,
        since,
        List.copyOf(queues.keySet()));
  }

  private QueueFigures figures(String queue) {
    rollDay();
    Instant now = clock.instant();
    int waiting = 0;
    long longest = 0;
    for (LiveCall c : calls.values()) {
      if (queue.equals(c.queue) && c.waiting()) {
        waiting++;
        Instant since = c.queuedAt != null ? c.queuedAt : c.offeredAt;
        if (since != null) {
          longest = Math.max(longest, Duration.between(since, now).toSeconds());
        }
      }
    }
    Map<String, Integer> byState = new LinkedHashMap<>();
    Map<AgentState, Integer> tally = new EnumMap<>(AgentState.class);
    for (Map.Entry<String, Map<String, Membership>> m : members.entrySet()) {
      Membership membership = m.getValue().get(queue);
      if (membership == null) {
        continue;
      }
      AgentState state =
          directory
              .byInterface(m.getKey())
              .map(a -> status(a).state())
              .orElse(membership.paused() ? AgentState.PAUSED : AgentState.AVAILABLE);
      tally.merge(state, 1, Integer::sum);
    }
    for (AgentState s : AgentState.values()) {
      if (s != AgentState.LOGGED_OUT) {
        byState.put(s.wireName(), tally.getOrDefault(s, 0));
      }
    }
    DayCounts n = counts.getOrDefault(queue, new DayCounts());
    Double sl = n.answered == 0 ? null : (double) n.answeredWithin / n.answered;
    int offered = n.answered + n.abandoned;
    Double slAbandoned = offered == 0 ? null : (double) n.answeredWithin / offered;
    return new QueueFigures(
        queue,
        now,
        waiting,
        longest,
        byState,
        n.answered,
        n.answeredWithin,
        n.abandoned,
        thresholdSeconds,
        sl,
        slAbandoned);
  }

  private DayCounts counts(String queue) {
    rollDay();
    return counts.computeIfAbsent(queue, k -> new DayCounts());
  }

  /** Resets the day's counters at midnight in the call center's time zone. */
  private boolean rollDay() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    if (today.equals(day)) {
      return false;
    }
    day = today;
    counts.replaceAll((q, c) -> new DayCounts());
    return true;
  }

  /** {@code PJSIP/1001-00000007} → {@code PJSIP/1001}. */
  static String interfaceOf(String channel) {
    if (channel == null) {
      return null;
    }
    int dash = channel.lastIndexOf('-');
    return dash > 0 ? channel.substring(0, dash) : channel;
  }
}
