package dev.callcenter.pbxsim.pbx;

import dev.callcenter.pbxsim.PbxSimulatorException;
import dev.callcenter.pbxsim.ami.ActionHandler;
import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.time.SimScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated PBX state (queues, members, channels) and the AMI actions that read or change it;
 * every change is announced as the event Asterisk 22 would send.
 */
public final class Pbx implements ActionHandler {
  private static final Logger log = LoggerFactory.getLogger(Pbx.class);
  private static final Set<String> TRUE = Set.of("yes", "true", "y", "t", "1", "on");

  private static final class Queue {
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

  private boolean addMember(
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

  private Optional<Queue> queue(String name) {
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
    String uniqueid = nextUniqueid();
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

  /** Removes the channel and emits {@code Hangup}; false if it was already gone. */
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
    return true;
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
    for (Queue q : queues.values()) {
      q.waiting.clear();
      q.joinedAt.clear();
      q.members.replaceAll((k, m) -> m.withStatus(QueueMember.NOT_INUSE, false));
    }
  }

  /** Originates to {@code iface} fail with this OriginateResponse {@code Reason} (e.g. 5 busy). */
  public synchronized void failOriginatesTo(String iface, int reason) {
    originateFailures.put(iface, reason);
  }

  // ---- AMI actions ----

  @Override
  public void handle(AmiMessage action, Consumer<AmiMessage> reply) {
    switch (action.action().toLowerCase(Locale.ROOT)) {
      case "queuestatus" -> queueStatus(action, reply);
      case "coreshowchannels" -> coreShowChannels(action, reply);
      case "queueadd" -> queueAdd(action, reply);
      case "queueremove" -> queueRemove(action, reply);
      case "queuepause" -> queuePause(action, reply);
      case "originate" -> originate(action, reply);
      case "redirect" -> redirect(action, reply);
      case "hangup" -> hangupAction(action, reply);
      default -> reply.accept(ActionHandler.unknown(action));
    }
  }

  private synchronized void queueStatus(AmiMessage action, Consumer<AmiMessage> reply) {
    String only = action.getOrEmpty("Queue");
    String member = action.getOrEmpty("Member");
    String id = action.get("ActionID").orElse(null);
    reply.accept(
        AmiMessage.response(action, "Success")
            .add("EventList", "start")
            .add("Message", "Queue status will follow")
            .build());
    int items = 0;
    for (Queue q : queues.values()) {
      if (!only.isEmpty() && !q.name.equals(only)) {
        continue;
      }
      AmiMessage.Builder params =
          AmiMessage.event("QueueParams")
              .add("Queue", q.name)
              .add("Max", 0)
              .add("Strategy", "rrmemory")
              .add("Calls", q.waiting.size())
              .add("Holdtime", 0)
              .add("TalkTime", 0)
              .add("Completed", q.completed)
              .add("Abandoned", q.abandoned)
              .add("ServiceLevel", 0)
              .add("ServicelevelPerf", "0.0")
              .add("ServicelevelPerf2", "0.0")
              .add("Weight", 0);
      withId(params, id);
      reply.accept(params.build());
      items++;
      for (QueueMember m : q.members.values()) {
        if (member.isEmpty() || m.iface().equals(member) || m.memberName().equals(member)) {
          reply.accept(m.statusItem(id));
          items++;
        }
      }
      int pos = 0;
      for (String uid : q.waiting) {
        Channel c = channels.get(uid);
        pos++;
        if (c == null) {
          continue;
        }
        AmiMessage.Builder entry =
            AmiMessage.event("QueueEntry")
                .add("Queue", q.name)
                .add("Position", pos)
                .add("Channel", c.name())
                .add("Uniqueid", c.uniqueid())
                .add("CallerIDNum", AmiText.orUnknown(c.callerNum()))
                .add("CallerIDName", AmiText.orUnknown(AmiText.escapeC(c.callerName())))
                .add("ConnectedLineNum", AmiText.orUnknown(c.connectedNum()))
                .add("ConnectedLineName", AmiText.orUnknown(AmiText.escapeC(c.connectedName())))
                .add("Wait", Duration.between(q.joinedAt.get(uid), now()).toSeconds())
                .add("Priority", 0);
        withId(entry, id);
        reply.accept(entry.build());
        items++;
      }
    }
    reply.accept(complete("QueueStatusComplete", id, items));
  }

  private synchronized void coreShowChannels(AmiMessage action, Consumer<AmiMessage> reply) {
    String id = action.get("ActionID").orElse(null);
    reply.accept(
        AmiMessage.response(action, "Success")
            .add("EventList", "start")
            .add("Message", "Channels will follow")
            .build());
    for (Channel c : channels.values()) {
      AmiMessage.Builder b = AmiMessage.event("CoreShowChannel");
      withId(b, id);
      long secs = Duration.between(c.createdAt(), now()).toSeconds();
      c.addTo(b, "")
          .add("Application", c.application())
          .add("ApplicationData", c.applicationData())
          .add("Duration", String.format("%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60))
          .add("BridgeId", c.bridgeId());
      reply.accept(b.build());
    }
    reply.accept(complete("CoreShowChannelsComplete", id, channels.size()));
  }

  private static void withId(AmiMessage.Builder b, String actionId) {
    if (actionId != null) {
      b.add("ActionID", actionId);
    }
  }

  private static AmiMessage complete(String event, String actionId, int items) {
    AmiMessage.Builder b = AmiMessage.event(event);
    withId(b, actionId);
    return b.add("EventList", "Complete").add("ListItems", items).build();
  }

  private synchronized void queueAdd(AmiMessage action, Consumer<AmiMessage> reply) {
    String iface = action.getOrEmpty("Interface");
    Optional<Queue> q = queue(action.getOrEmpty("Queue"));
    if (iface.isEmpty() || q.isEmpty()) {
      reply.accept(
          AmiMessage.error(
              action,
              iface.isEmpty()
                  ? "'Queue' or 'Interface' not set."
                  : "Unable to add interface to queue: No such queue"));
      return;
    }
    if (q.get().members.containsKey(iface)) {
      reply.accept(AmiMessage.error(action, "Unable to add interface: Already there"));
      return;
    }
    reply.accept(AmiMessage.success(action, "Added interface to queue"));
    addMember(
        q.get(),
        iface,
        action.getOrEmpty("MemberName"),
        parseInt(action.getOrEmpty("Penalty")),
        isTrue(action.getOrEmpty("Paused")),
        action.getOrEmpty("Reason"));
  }

  private synchronized void queueRemove(AmiMessage action, Consumer<AmiMessage> reply) {
    Optional<Queue> q = queue(action.getOrEmpty("Queue"));
    if (q.isEmpty()) {
      reply.accept(
          AmiMessage.error(action, "Unable to remove interface from queue: No such queue"));
      return;
    }
    QueueMember m = q.get().members.remove(action.getOrEmpty("Interface"));
    if (m == null) {
      reply.accept(AmiMessage.error(action, "Unable to remove interface: Not there"));
      return;
    }
    reply.accept(AmiMessage.success(action, "Removed interface from queue"));
    emit(m.event("QueueMemberRemoved"));
  }

  private synchronized void queuePause(AmiMessage action, Consumer<AmiMessage> reply) {
    String iface = action.getOrEmpty("Interface");
    boolean paused = isTrue(action.getOrEmpty("Paused"));
    boolean known =
        queues.values().stream()
            .anyMatch(
                q ->
                    q.members.containsKey(iface)
                        && (action.getOrEmpty("Queue").isEmpty()
                            || q.name.equals(action.getOrEmpty("Queue"))));
    if (!known) {
      reply.accept(AmiMessage.error(action, "Interface not found"));
      return;
    }
    reply.accept(
        AmiMessage.success(
            action, paused ? "Interface paused successfully" : "Interface unpaused successfully"));
    pause(action.getOrEmpty("Queue"), iface, paused, action.getOrEmpty("Reason"));
  }

  private void originate(AmiMessage action, Consumer<AmiMessage> reply) {
    String iface = action.getOrEmpty("Channel");
    if (iface.isEmpty() || !iface.contains("/")) {
      reply.accept(AmiMessage.error(action, "Channel not specified"));
      return;
    }
    reply.accept(AmiMessage.success(action, "Originate successfully queued"));
    scheduler.schedule(Duration.ZERO, () -> originateResult(action));
  }

  private synchronized void originateResult(AmiMessage action) {
    String iface = action.getOrEmpty("Channel");
    String context = action.getOrEmpty("Context");
    String exten = action.getOrEmpty("Exten");
    Caller caller = parseCallerId(action.getOrEmpty("CallerID"));
    Integer failure = originateFailures.get(iface);
    AmiMessage.Builder b = AmiMessage.event("OriginateResponse").add("Privilege", "call,all");
    action.get("ActionID").ifPresent(id -> b.add("ActionID", id));
    if (failure != null) {
      b.add("Response", "Failure")
          .add("Channel", iface)
          .add("Context", context)
          .add("Exten", exten)
          .add("Reason", failure)
          .add("Uniqueid", "<null>");
    } else {
      Channel c = draftChannel(iface, caller, context, exten, null).withState(Channel.UP);
      open(c);
      b.add("Response", "Success")
          .add("Channel", c.name())
          .add("Context", context)
          .add("Exten", exten)
          .add("Reason", 4)
          .add("Uniqueid", c.uniqueid());
    }
    emit(
        b.add("CallerIDNum", AmiText.orUnknown(caller.number()))
            .add("CallerIDName", AmiText.orUnknown(AmiText.escapeC(caller.name())))
            .build());
  }

  private static Caller parseCallerId(String cid) {
    int lt = cid.indexOf('<');
    int gt = cid.indexOf('>', lt + 1);
    if (lt >= 0 && gt > lt) {
      String name = cid.substring(0, lt).trim();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1);
      }
      return Caller.of(cid.substring(lt + 1, gt), name);
    }
    return Caller.of(cid.trim(), "");
  }

  private synchronized void redirect(AmiMessage action, Consumer<AmiMessage> reply) {
    String name = action.getOrEmpty("Channel");
    Optional<Channel> c = byName(name);
    if (c.isEmpty()) {
      reply.accept(AmiMessage.error(action, "Channel does not exist: " + name));
      return;
    }
    int priority = Math.max(1, parseInt(action.getOrEmpty("Priority")));
    update(
        c.get()
            .withDialplan(action.getOrEmpty("Context"), action.getOrEmpty("Exten"), priority)
            .withBridge(""));
    String extra = action.getOrEmpty("ExtraChannel");
    byName(extra)
        .ifPresent(
            e ->
                update(
                    e.withDialplan(
                            action.get("ExtraContext").orElse(action.getOrEmpty("Context")),
                            action.get("ExtraExten").orElse(action.getOrEmpty("Exten")),
                            priority)
                        .withBridge("")));
    log.debug(
        "Redirect {} to {}@{}", name, action.getOrEmpty("Exten"), action.getOrEmpty("Context"));
    reply.accept(AmiMessage.success(action, "Redirect successful"));
  }

  private synchronized void hangupAction(AmiMessage action, Consumer<AmiMessage> reply) {
    Optional<Channel> c = byName(action.getOrEmpty("Channel"));
    if (c.isEmpty()) {
      reply.accept(AmiMessage.error(action, "No such channel"));
      return;
    }
    int cause = action.get("Cause").map(Pbx::parseInt).filter(x -> x > 0).orElse(16);
    reply.accept(AmiMessage.success(action, "Channel Hungup"));
    hangup(c.get().uniqueid(), cause);
  }

  private Optional<Channel> byName(String name) {
    return channels.values().stream().filter(ch -> ch.name().equals(name)).findFirst();
  }

  private static boolean isTrue(String v) {
    return TRUE.contains(v.trim().toLowerCase(Locale.ROOT));
  }

  private static int parseInt(String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
