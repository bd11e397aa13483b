package dev.callcenter.pbxsim.pbx;

import dev.callcenter.pbxsim.ami.ActionHandler;
import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.pbx.Pbx.Queue;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The AMI actions that read or change the PBX: list actions, queue members, calls. */
public final class PbxActions implements ActionHandler {
  private static final Logger log = LoggerFactory.getLogger(PbxActions.class);
  private static final Set<String> TRUE = Set.of("yes", "true", "y", "t", "1", "on");

  private final Pbx pbx;

  public PbxActions(Pbx pbx) {
    this.pbx = pbx;
  }

  @Override
  public void handle(AmiMessage action, Consumer<AmiMessage> reply) {
    // One lock for state and events keeps each response ahead of the events it causes.
    synchronized (pbx) {
      dispatch(action, reply);
    }
  }

  private void dispatch(AmiMessage action, Consumer<AmiMessage> reply) {
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

  private void queueStatus(AmiMessage action, Consumer<AmiMessage> reply) {
    String only = action.getOrEmpty("Queue");
    String member = action.getOrEmpty("Member");
    String id = action.get("ActionID").orElse(null);
    reply.accept(
        AmiMessage.response(action, "Success")
            .add("EventList", "start")
            .add("Message", "Queue status will follow")
            .build());
    int items = 0;
    for (Queue q : pbx.queueStates()) {
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
        Channel c = pbx.channelMap().get(uid);
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
                .add("Wait", Duration.between(q.joinedAt.get(uid), pbx.now()).toSeconds())
                .add("Priority", 0);
        withId(entry, id);
        reply.accept(entry.build());
        items++;
      }
    }
    reply.accept(complete("QueueStatusComplete", id, items));
  }

  private void coreShowChannels(AmiMessage action, Consumer<AmiMessage> reply) {
    String id = action.get("ActionID").orElse(null);
    reply.accept(
        AmiMessage.response(action, "Success")
            .add("EventList", "start")
            .add("Message", "Channels will follow")
            .build());
    for (Channel c : pbx.channelMap().values()) {
      AmiMessage.Builder b = AmiMessage.event("CoreShowChannel");
      withId(b, id);
      long secs = Duration.between(c.createdAt(), pbx.now()).toSeconds();
      c.addTo(b, "")
          .add("Application", c.application())
          .add("ApplicationData", c.applicationData())
          .add("Duration", String.format("%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60))
          .add("BridgeId", c.bridgeId());
      reply.accept(b.build());
    }
    reply.accept(complete("CoreShowChannelsComplete", id, pbx.channelMap().size()));
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

  private void queueAdd(AmiMessage action, Consumer<AmiMessage> reply) {
    String iface = action.getOrEmpty("Interface");
    Optional<Queue> q = pbx.queue(action.getOrEmpty("Queue"));
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
    pbx.addMember(
        q.get(),
        iface,
        action.getOrEmpty("MemberName"),
        parseInt(action.getOrEmpty("Penalty")),
        isTrue(action.getOrEmpty("Paused")),
        action.getOrEmpty("Reason"));
  }

  private void queueRemove(AmiMessage action, Consumer<AmiMessage> reply) {
    Optional<Queue> q = pbx.queue(action.getOrEmpty("Queue"));
    if (q.isEmpty()) {
      reply.accept(
          AmiMessage.error(action, "Unable to remove interface from queue: No such queue"));
      return;
    }
    if (!pbx.member(q.get().name, action.getOrEmpty("Interface")).isPresent()) {
      reply.accept(AmiMessage.error(action, "Unable to remove interface: Not there"));
      return;
    }
    reply.accept(AmiMessage.success(action, "Removed interface from queue"));
    pbx.removeMember(q.get().name, action.getOrEmpty("Interface"));
  }

  private void queuePause(AmiMessage action, Consumer<AmiMessage> reply) {
    String iface = action.getOrEmpty("Interface");
    boolean paused = isTrue(action.getOrEmpty("Paused"));
    boolean known =
        pbx.queueStates().stream()
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
    pbx.pause(action.getOrEmpty("Queue"), iface, paused, action.getOrEmpty("Reason"));
  }

  private void originate(AmiMessage action, Consumer<AmiMessage> reply) {
    String iface = action.getOrEmpty("Channel");
    if (iface.isEmpty() || !iface.contains("/")) {
      reply.accept(AmiMessage.error(action, "Channel not specified"));
      return;
    }
    // Scheduled before answering: whoever sees the response may already run the scheduler.
    pbx.scheduler()
        .schedule(
            Duration.ZERO,
            () -> {
              synchronized (pbx) {
                originateResult(action);
              }
            });
    reply.accept(AmiMessage.success(action, "Originate successfully queued"));
  }

  private void originateResult(AmiMessage action) {
    String iface = action.getOrEmpty("Channel");
    String context = action.getOrEmpty("Context");
    String exten = action.getOrEmpty("Exten");
    Caller caller = parseCallerId(action.getOrEmpty("CallerID"));
    Integer failure = pbx.originateFailure(iface);
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
      // Asterisk uses the ChannelId given as the channel's uniqueid (and so its linkedid).
      String channelId = action.getOrEmpty("ChannelId");
      Channel c =
          (channelId.isEmpty()
                  ? pbx.draftChannel(iface, caller, context, exten, null)
                  : pbx.draftChannel(iface, caller, context, exten, null, channelId))
              .withState(Channel.UP);
      pbx.open(c);
      b.add("Response", "Success")
          .add("Channel", c.name())
          .add("Context", context)
          .add("Exten", exten)
          .add("Reason", 4)
          .add("Uniqueid", c.uniqueid());
    }
    pbx.emit(
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

  private void redirect(AmiMessage action, Consumer<AmiMessage> reply) {
    String name = action.getOrEmpty("Channel");
    Optional<Channel> c = byName(name);
    if (c.isEmpty()) {
      reply.accept(AmiMessage.error(action, "Channel does not exist: " + name));
      return;
    }
    int priority = Math.max(1, parseInt(action.getOrEmpty("Priority")));
    // Before the response: whoever sees the response may already run the scheduler, and the
    // scenarios schedule what happens where the channel lands.
    pbx.redirect(c.get(), action.getOrEmpty("Context"), action.getOrEmpty("Exten"), priority);
    String extra = action.getOrEmpty("ExtraChannel");
    byName(extra)
        .ifPresent(
            e ->
                pbx.update(
                    e.withDialplan(
                            action.get("ExtraContext").orElse(action.getOrEmpty("Context")),
                            action.get("ExtraExten").orElse(action.getOrEmpty("Exten")),
                            priority)
                        .withBridge("")));
    log.debug(
        "Redirect {} to {}@{}", name, action.getOrEmpty("Exten"), action.getOrEmpty("Context"));
    reply.accept(AmiMessage.success(action, "Redirect successful"));
  }

  private void hangupAction(AmiMessage action, Consumer<AmiMessage> reply) {
    Optional<Channel> c = byName(action.getOrEmpty("Channel"));
    if (c.isEmpty()) {
      reply.accept(AmiMessage.error(action, "No such channel"));
      return;
    }
    int cause = action.get("Cause").map(PbxActions::parseInt).filter(x -> x > 0).orElse(16);
    reply.accept(AmiMessage.success(action, "Channel Hungup"));
    pbx.hangup(c.get().uniqueid(), cause);
  }

  private Optional<Channel> byName(String name) {
    return pbx.channelMap().values().stream().filter(ch -> ch.name().equals(name)).findFirst();
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
