package dev.callcenter.cti.live;

import dev.callcenter.cti.call.AgentAnswered;
import dev.callcenter.cti.call.AgentNoAnswer;
import dev.callcenter.cti.call.AgentRinging;
import dev.callcenter.cti.call.CallAbandoned;
import dev.callcenter.cti.call.CallCompleted;
import dev.callcenter.cti.call.CallHeld;
import dev.callcenter.cti.call.CallHungUp;
import dev.callcenter.cti.call.CallOffered;
import dev.callcenter.cti.call.CallQueued;
import dev.callcenter.cti.call.CallRecording;
import dev.callcenter.cti.call.CallerId;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live picture of the call center — calls by id, queue memberships, agents' states and queue
 * figures — built from the PBX's events and replaced wholesale by each {@link PbxSnapshot}.
 *
 * <p>Events arrive on one thread; reads come from API threads; every method holds the lock, does no
 * I/O and tells the {@link CtiListener} what changed.
 */
public final class LiveState implements PbxEventSink {
  private final AgentDirectory directory;
  private final CtiListener listener;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration wrapUp;
  private final int thresholdSeconds;

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

  private static final class LiveCall {
    final String callId;
    String uniqueid;
    String channel;
    CallerId caller;
    String queue;
    Instant offeredAt;
    Instant queuedAt;
    Instant answeredAt;
    Instant endedAt;
    String answeredBy;
    String lastRung;
    final Set<String> ringing = new LinkedHashSet<>();
    long waitSeconds;
    long ringSeconds;
    long talkSeconds;
    long heldMillis;
    Instant holdSince;
    boolean abandoned;
    boolean completed;
    boolean callerGone;
    Integer cause;
    String causeText;
    CallCompleted.EndedBy endedBy;
    String recording;

    LiveCall(String callId) {
      this.callId = callId;
    }

    boolean waiting() {
      return queue != null && answeredAt == null && !abandoned && endedAt == null;
    }

    CallView view() {
      return new CallView(
          callId,
          uniqueid,
          channel,
          caller,
          queue,
          offeredAt,
          queuedAt,
          answeredAt,
          endedAt,
          answeredBy,
          lastRung,
          waitSeconds,
          ringSeconds,
          talkSeconds,
          (heldMillis + 500) / 1000,
          abandoned,
          cause,
          causeText,
          endedBy,
          recording);
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

  /** The call ringing or in progress on this agent's phone, if any. */
  public synchronized Optional<CallView> currentCall(String agentInterface) {
    AgentLine line = lines.get(agentInterface);
    if (line == null) {
      return Optional.empty();
    }
    String id = line.onCall != null ? line.onCall : line.ringing.stream().findFirst().orElse(null);
    return Optional.ofNullable(id).map(calls::get).map(LiveCall::view);
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
  }

  // ------------------------------------------------------------------ events

  @Override
  public synchronized void accept(PbxEvent event) {
    switch (event) {
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
        c.queue = e.queue();
        c.waitSeconds = e.holdSeconds();
        stopAllRinging(c, "abandoned");
        counts(e.queue()).abandoned++;
        dirtyQueues.add(e.queue());
      }
      case CallCompleted e -> {
        LiveCall c = calls.get(e.callId());
        if (c != null) {
          c.completed = true;
          c.talkSeconds = e.talkSeconds();
          c.endedBy = e.endedBy();
          endIfOver(c, e.at());
        }
        AgentLine line = line(e.agentInterface());
        if (e.callId().equals(line.onCall)) {
          line.onCall = null;
          line.wrapUntil = wrapUp.isZero() ? null : e.at().plus(wrapUp);
        }
        publishAgent(e.agentInterface());
      }
      case CallHungUp e -> {
        LiveCall c = calls.get(e.callId());
        if (c != null && (e.uniqueid().equals(c.uniqueid) || c.uniqueid == null)) {
          c.callerGone = true;
          c.cause = e.cause();
          c.causeText = e.causeText();
          stopAllRinging(c, "hung-up");
          endIfOver(c, e.at());
        }
      }
      case CallHeld e -> {
        LiveCall c = calls.get(e.callId());
        if (c != null) {
          if (e.held() && c.holdSince == null) {
            c.holdSince = e.at();
          } else if (!e.held() && c.holdSince != null) {
            c.heldMillis += Duration.between(c.holdSince, e.at()).toMillis();
            c.holdSince = null;
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
          c.completed = true;
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
    if (c.queue == null) {
      c.queue = e.queue();
    }
    c.ringing.add(e.agentInterface());
    c.lastRung = e.agentInterface();
    line(e.agentInterface()).ringing.add(c.callId);
    publishAgent(e.agentInterface());
    directory.byInterface(e.agentInterface()).ifPresent(a -> listener.ringing(a, c.view()));
  }

  private void answered(AgentAnswered e) {
    LiveCall c = callFor(e.callId());
    c.queue = e.queue();
    c.answeredAt = e.at();
    c.answeredBy = e.agentInterface();
    c.waitSeconds = e.holdSeconds();
    c.ringSeconds = e.ringSeconds();
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
    directory.byInterface(e.agentInterface()).ifPresent(a -> listener.answered(a, c.view()));
    dirtyQueues.add(e.queue());
  }

  private void member(MemberEvent e) {
    Map<String, Membership> queues =
        members.computeIfAbsent(e.agentInterface(), k -> new TreeMap<>());
    switch (e) {
      case MemberAdded a -> queues.put(a.queue(), new Membership(a.memberName(), false, null));
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
    // Calls that ended while we were not listening.
    for (LiveCall c : List.copyOf(calls.values())) {
      if (!byCall.containsKey(c.callId)) {
        c.callerGone = true;
        c.completed = true;
        stopAllRinging(c, "hung-up");
        end(c, s.at());
      }
    }
    Map<String, PbxSnapshot.Waiting> waitingByUniqueid = new HashMap<>();
    s.waiting().forEach(w -> waitingByUniqueid.put(w.uniqueid(), w));
    lines.values().forEach(l -> l.onCall = null);
    for (Map.Entry<String, List<PbxSnapshot.Channel>> e : byCall.entrySet()) {
      if (!calls.containsKey(e.getKey()) && placedByAnAgent(e.getValue(), waitingByUniqueid)) {
        continue; // click-to-call or an internal call: nobody called in, nothing to pop or miss
      }
      LiveCall c = callFor(e.getKey());
      for (PbxSnapshot.Channel ch : e.getValue()) {
        String iface = interfaceOf(ch.channel());
        PbxSnapshot.Waiting w = waitingByUniqueid.get(ch.uniqueid());
        if (ch.uniqueid().equals(e.getKey()) || w != null) {
          c.uniqueid = ch.uniqueid();
          c.channel = ch.channel();
          c.caller = c.caller == null ? ch.caller() : c.caller;
          c.offeredAt =
              c.offeredAt == null ? s.at().minusSeconds(ch.durationSeconds()) : c.offeredAt;
          if (w != null) {
            c.queue = w.queue();
            c.queuedAt = c.queuedAt == null ? s.at().minusSeconds(w.waitSeconds()) : c.queuedAt;
          }
        } else if (members.containsKey(iface) && ch.bridgeId() != null) {
          // An agent's leg in a bridge: that agent is talking on this call.
          line(iface).onCall = c.callId;
          line(iface).ringing.remove(c.callId);
          c.ringing.remove(iface);
          if (c.answeredAt == null) {
            c.answeredAt = s.at().minusSeconds(ch.durationSeconds());
            c.answeredBy = iface;
          }
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
        .anyMatch(iface -> members.containsKey(iface) || directory.byInterface(iface).isPresent());
  }

  private LiveCall callFor(String callId) {
    return calls.computeIfAbsent(callId, LiveCall::new);
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

  /** A call is over when its caller has gone and, if answered, its completion has arrived. */
  private void endIfOver(LiveCall c, Instant at) {
    if (c.callerGone && (c.answeredAt == null || c.completed)) {
      end(c, at);
    }
  }

  private void end(LiveCall c, Instant at) {
    if (c.endedAt != null) {
      return;
    }
    c.endedAt = at;
    if (c.holdSince != null) {
      c.heldMillis += Duration.between(c.holdSince, at).toMillis();
      c.holdSince = null;
    }
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
    AgentRef agent = c.answeredBy == null ? null : directory.byInterface(c.answeredBy).orElse(null);
    listener.ended(c.view(), agent);
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
