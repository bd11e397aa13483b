package dev.callcenter.pbxsim.pbx;

import dev.callcenter.pbxsim.PbxSimulatorException;
import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.time.SimScheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated PBX state (queues, members, channels) and its control API; every change is
 * announced as the event Asterisk 22 would send.
 */
public final class Pbx {
  private static final Logger log = LoggerFactory.getLogger(Pbx.class);

  static final class Queue {
    final String name;
    final Map<String, QueueMember> members = new LinkedHashMap<>();
    final List<String> waiting = new ArrayList<>();
    final Map<String, Instant> joinedAt = new HashMap<>();
    int completed;
    int abandoned;

    Queue(String name) {
      this.name = name;
    }
  }

  private final SimScheduler scheduler;
  private final Consumer<AmiMessage> events;
  private final Map<String, Queue> queues = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Map<String, Integer> originateFailures = new HashMap<>();

  /** Uniqueid of a bridged channel → what its scenario does when a Redirect takes it out. */
  private final Map<String, Redirected> leavingBridge = new HashMap<>();

  /** Uniqueid → what the dialplan does where the next Redirect of that channel lands. */
  private final Map<String, Redirected> landings = new HashMap<>();

  /** Uniqueid → what scenarios do right after that channel's {@code Hangup}. */
  private final Map<String, List<Runnable>> hangupHooks = new HashMap<>();

  private long uniqueSeq;
  private long channelSeq;

  public Pbx(SimScheduler scheduler, Consumer<AmiMessage> events) {
    this.scheduler = scheduler;
    this.events = events;
  }

  private long epochSeconds() {
    return scheduler.clock().instant().getEpochSecond();
  }

  public Instant now() {
    return scheduler.clock().instant();
  }

  public SimScheduler scheduler() {
    return scheduler;
  }

  /** Sends an event to every client with events on. */
  public void emit(AmiMessage event) {
    events.accept(event);
  }

  /** What a scenario does when AMI {@code Redirect} sends a channel to a dialplan location. */
  @FunctionalInterface
  public interface Redirected {
    /**
     * @param channel the channel as it is now, already at {@code context,exten} and out of any
     *     bridge
     */
    void redirected(Channel channel, String context, String exten);
  }

  // ---- queues and members (control API) ----

  /** Creates a queue if missing (no event: queues come from queues.conf). */
  public synchronized void addQueue(String name) {
    queues.computeIfAbsent(name, Queue::new);
  }

  /** Adds a dynamic member and emits {@code QueueMemberAdded}; false if already there. */
  public synchronized boolean addMember(String queue, String iface, String memberName) {
    Queue q = queue(queue).orElseThrow(() -> new PbxSimulatorException("no queue " + queue));
    return addMember(q, iface, memberName, 0, false, "");
  }

  boolean addMember(
      Queue q, String iface, String memberName, int penalty, boolean paused, String reason) {
    if (q.members.containsKey(iface)) {
      return false;
    }
    QueueMember m =
        new QueueMember(
            q.name,
            iface,
            memberName.isEmpty() ? iface : memberName,
            "dynamic",
            penalty,
            0,
            0,
            paused ? epochSeconds() : 0,
            epochSeconds(),
            false,
            QueueMember.NOT_INUSE,
            paused,
            reason);
    q.members.put(iface, m);
    emit(m.event("QueueMemberAdded"));
    return true;
  }

  /** Removes a member and emits {@code QueueMemberRemoved}; false if it was not there. */
  public synchronized boolean removeMember(String queue, String iface) {
    QueueMember m = queue(queue).map(q -> q.members.remove(iface)).orElse(null);
    if (m == null) {
      return false;
    }
    emit(m.event("QueueMemberRemoved"));
    return true;
  }

  public synchronized boolean hasQueue(String name) {
    return queues.containsKey(name);
  }

  public synchronized List<QueueMember> members(String queue) {
    return queue(queue).map(q -> List.copyOf(q.members.values())).orElse(List.of());
  }

  /** The member of {@code queue} on {@code iface}, if any. */
  public synchronized Optional<QueueMember> member(String queue, String iface) {
    return queue(queue).map(q -> q.members.get(iface));
  }

  /** Pauses or unpauses {@code iface} in one queue or all (queue null); false if not a member. */
  public synchronized boolean pause(String queue, String iface, boolean paused, String reason) {
    boolean found = false;
    for (Queue q : queues.values()) {
      if (queue != null && !queue.isEmpty() && !q.name.equals(queue)) {
        continue;
      }
      QueueMember m = q.members.get(iface);
      if (m != null) {
        found = true;
        QueueMember changed = m.withPause(paused, paused ? reason : "", epochSeconds());
        q.members.put(iface, changed);
        emit(changed.event("QueueMemberPause"));
      }
    }
    return found;
  }

  /**
   * Sets the device state of {@code iface} in every queue it belongs to, emitting {@code
   * QueueMemberStatus} for each change as app_queue does.
   */
  public synchronized void memberStatus(String iface, int status, boolean inCall) {
    for (Queue q : queues.values()) {
      QueueMember m = q.members.get(iface);
      if (m != null && (m.status() != status || m.inCall() != inCall)) {
        QueueMember changed = m.withStatus(status, inCall);
        q.members.put(iface, changed);
        emit(changed.event("QueueMemberStatus"));
      }
    }
  }

  /** Counts a completed call for the member. */
  public synchronized void callTaken(String queue, String iface) {
    queue(queue)
        .ifPresent(
            q -> q.members.computeIfPresent(iface, (k, m) -> m.withCallTaken(epochSeconds())));
  }

  Optional<Queue> queue(String name) {
    return Optional.ofNullable(queues.get(name));
  }

  // ---- channels (used by scenarios) ----

  /** A fresh Asterisk-style uniqueid: epoch seconds, a dot, a sequence number. */
  public synchronized String nextUniqueid() {
    return epochSeconds() + "." + uniqueSeq++;
  }

  /** A channel name for an endpoint interface such as {@code PJSIP/1001}. */
  public synchronized String nextChannelName(String iface) {
    return String.format("%s-%08x", iface, channelSeq++);
  }

  /** Builds a channel snapshot in state Down with a fresh uniqueid; {@link #open} registers it. */
  public synchronized Channel draftChannel(
      String iface, Caller caller, String context, String exten, String linkedid) {
    return draftChannel(iface, caller, context, exten, linkedid, nextUniqueid());
  }

  /**
   * As {@link #draftChannel(String, Caller, String, String, String)} with a given uniqueid (an
   * {@code Originate} with {@code ChannelId}).
   */
  public synchronized Channel draftChannel(
      String iface, Caller caller, String context, String exten, String linkedid, String uniqueid) {
    Channel c =
        new Channel(
            nextChannelName(iface),
            Channel.DOWN,
            caller.number(),
            caller.name(),
            "",
            "",
            "en",
            "",
            context,
            exten,
            1,
            uniqueid,
            linkedid == null ? uniqueid : linkedid,
            now(),
            "",
            "",
            "");
    return c;
  }

  /** Registers a channel built by a scenario and emits its {@code Newchannel}. */
  public synchronized Channel open(Channel c) {
    channels.put(c.uniqueid(), c);
    emit(c.addTo(AmiMessage.event("Newchannel").add("Privilege", "call,all"), "").build());
    return c;
  }

  /** Replaces the stored snapshot (no event). */
  public synchronized Channel update(Channel c) {
    if (channels.containsKey(c.uniqueid())) {
      channels.put(c.uniqueid(), c);
    }
    return c;
  }

  public synchronized boolean alive(String uniqueid) {
    return channels.containsKey(uniqueid);
  }

  public synchronized Optional<Channel> channel(String uniqueid) {
    return Optional.ofNullable(channels.get(uniqueid));
  }

  public synchronized List<Channel> channels() {
    return List.copyOf(channels.values());
  }

  /**
   * Removes the channel and emits {@code Hangup}, then hangs up its bridge peer and frees the
   * member's device; false if it was already gone.
   */
  public synchronized boolean hangup(String uniqueid, int cause) {
    Channel c = channels.remove(uniqueid);
    if (c == null) {
      return false;
    }
    for (Queue q : queues.values()) {
      q.waiting.remove(uniqueid);
      q.joinedAt.remove(uniqueid);
    }
    emit(
        c.addTo(AmiMessage.event("Hangup").add("Privilege", "call,all"), "")
            .add("Cause", cause)
            .add("Cause-txt", AmiText.causeText(cause))
            .build());
    releaseDevice(c);
    leavingBridge.remove(uniqueid);
    landings.remove(uniqueid);
    if (!c.bridgeId().isEmpty()) {
      // The other party of a two-party bridge is hung up with it, as a basic bridge does.
      for (Channel peer : List.copyOf(channels.values())) {
        if (peer.bridgeId().equals(c.bridgeId())) {
          hangup(peer.uniqueid(), cause);
        }
      }
    }
    List<Runnable> after = hangupHooks.remove(uniqueid);
    if (after != null) {
      after.forEach(Runnable::run);
    }
    return true;
  }

  /**
   * While {@code uniqueid} is in a scenario's bridge, a {@code Redirect} of it runs {@code hook}
   * (once): the scenario tears its side of the bridge down. Replaces an earlier hook.
   */
  public synchronized void onLeavingBridge(String uniqueid, Redirected hook) {
    leavingBridge.put(uniqueid, hook);
  }

  /** The bridge of {@code uniqueid} ended the ordinary way: a Redirect no longer tears it down. */
  public synchronized void bridgeEnded(String uniqueid) {
    leavingBridge.remove(uniqueid);
  }

  /**
   * The next {@code Redirect} of {@code uniqueid} runs {@code hook} (once) after the channel moved
   * and left any bridge: what the dialplan does there (join a queue, say) is scripted this way.
   */
  public synchronized void onRedirect(String uniqueid, Redirected hook) {
    landings.put(uniqueid, hook);
  }

  /** Whether the next {@code Redirect} of {@code uniqueid} lands in a scripted dialplan. */
  public synchronized boolean hasLanding(String uniqueid) {
    return landings.containsKey(uniqueid);
  }

  /** Runs {@code hook} right after the {@code Hangup} of {@code uniqueid} has been emitted. */
  public synchronized void onHangup(String uniqueid, Runnable hook) {
    hangupHooks.computeIfAbsent(uniqueid, k -> new ArrayList<>()).add(hook);
  }

  /**
   * Moves a channel to {@code context,exten,priority} as AMI {@code Redirect} does: out of its
   * bridge (whose scenario then hangs up the other party), then into whatever the dialplan there
   * was scripted to do.
   */
  public synchronized void redirect(Channel c, String context, String exten, int priority) {
    Channel moved = update(c.withDialplan(context, exten, priority).withBridge(""));
    Redirected bridge = leavingBridge.remove(c.uniqueid());
    if (bridge != null) {
      bridge.redirected(moved, context, exten);
    }
    Redirected landing = landings.remove(c.uniqueid());
    if (landing != null && channels.containsKey(c.uniqueid())) {
      landing.redirected(channels.get(c.uniqueid()), context, exten);
    }
  }

  /** A member whose device has no channel left is free again. */
  private void releaseDevice(Channel gone) {
    int dash = gone.name().lastIndexOf('-');
    if (dash < 0) {
      return;
    }
    String iface = gone.name().substring(0, dash);
    boolean inUse = channels.values().stream().anyMatch(c -> c.name().startsWith(iface + "-"));
    if (!inUse) {
      memberStatus(iface, QueueMember.NOT_INUSE, false);
    }
  }

  /** Puts a caller at the end of a queue; returns its position (1-based). */
  public synchronized int join(String queue, String uniqueid) {
    Queue q = queue(queue).orElseThrow(() -> new PbxSimulatorException("no queue " + queue));
    q.waiting.add(uniqueid);
    q.joinedAt.put(uniqueid, now());
    return q.waiting.size();
  }

  /** Takes a caller out of a queue; returns {position, count left}, position 0 if absent. */
  public synchronized int[] leaveQueue(String queue, String uniqueid, boolean abandoned) {
    Optional<Queue> q = queue(queue);
    if (q.isEmpty()) {
      return new int[] {0, 0};
    }
    int pos = q.get().waiting.indexOf(uniqueid) + 1;
    q.get().waiting.remove(uniqueid);
    q.get().joinedAt.remove(uniqueid);
    if (abandoned) {
      q.get().abandoned++;
    } else if (pos > 0) {
      q.get().completed++;
    }
    return new int[] {pos, q.get().waiting.size()};
  }

  /** {current position, position on joining} of a waiting caller (1-based; 0 if absent). */
  public synchronized int[] queuePosition(String queue, String uniqueid) {
    int pos = queue(queue).map(q -> q.waiting.indexOf(uniqueid) + 1).orElse(0);
    return new int[] {pos, pos};
  }

  /** Forgets every channel and queue caller, as a restart does; members stay. */
  public synchronized void clearCalls() {
    channels.clear();
    leavingBridge.clear();
    landings.clear();
    hangupHooks.clear();
    for (Queue q : queues.values()) {
      q.waiting.clear();
      q.joinedAt.clear();
      q.members.replaceAll((k, m) -> m.withStatus(QueueMember.NOT_INUSE, false));
    }
  }

  /** Drops every dynamic member without events (the PBX is going down). */
  public synchronized void forgetDynamicMembers() {
    for (Queue q : queues.values()) {
      q.members.values().removeIf(m -> m.membership().equals("dynamic"));
    }
  }

  /**
   * Originates to {@code iface} fail with this OriginateResponse {@code Reason} (e.g. 5 busy); 0
   * makes them succeed again.
   */
  public synchronized void failOriginatesTo(String iface, int reason) {
    if (reason == 0) {
      originateFailures.remove(iface); // answered again
    } else {
      originateFailures.put(iface, reason);
    }
  }

  // ---- for PbxActions: callers hold the Pbx lock ----

  Collection<Queue> queueStates() {
    return queues.values();
  }

  Map<String, Channel> channelMap() {
    return channels;
  }

  Integer originateFailure(String iface) {
    return originateFailures.get(iface);
  }
}
