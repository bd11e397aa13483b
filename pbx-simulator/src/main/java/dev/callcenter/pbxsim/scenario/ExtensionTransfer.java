package dev.callcenter.pbxsim.scenario;

import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.Channel;
import dev.callcenter.pbxsim.pbx.Pbx;
import dev.callcenter.pbxsim.pbx.QueueMember;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A transfer of a call to an agent's extension, as the sample dialplan's {@code cti-transfer}
 * context does it ({@code _1XXX} → {@code Dial(PJSIP/${EXTEN},30)} → {@code Hangup()}): when the
 * caller's channel is next redirected, it dials {@code iface} with Asterisk 22's {@code DialBegin},
 * {@code DialEnd} and {@code Hangup} events (no queue events: app_queue is not involved).
 */
public final class ExtensionTransfer {
  private final Pbx pbx;
  private final CallHandle call;
  private final String iface;

  ExtensionTransfer(Pbx pbx, CallHandle call, String iface) {
    this.pbx = pbx;
    this.call = Objects.requireNonNull(call);
    this.iface = Objects.requireNonNull(iface);
  }

  /**
   * {@code iface} answers after {@code ringFor}, talks for {@code talk}, and {@code by} hangs up;
   * the dialplan then hangs up the caller too.
   */
  public CallHandle answered(Duration ringFor, Duration talk, HangupBy by) {
    return launch(ringFor, talk, by);
  }

  /**
   * {@code iface} rings for {@code ringFor} without answering; the dialplan hangs up the caller.
   */
  public CallHandle notAnswered(Duration ringFor) {
    return launch(ringFor, null, HangupBy.CALLER);
  }

  private CallHandle launch(Duration ringFor, Duration talk, HangupBy by) {
    CallHandle handle =
        new CallHandle(call.linkedid(), call.uniqueid(), call.channel(), new CompletableFuture<>());
    pbx.onRedirect(
        call.uniqueid(),
        (caller, context, exten) -> {
          Channel dialer = pbx.update(caller.withApplication("Dial", iface + ",30"));
          Channel leg =
              pbx.open(
                  pbx.draftChannel(
                      iface,
                      Caller.of(InboundQueueCall.agentNumber(iface), iface),
                      "from-agents",
                      "s",
                      dialer.linkedid()));
          pbx.emit(dial("DialBegin", dialer, leg).add("DialString", iface).build());
          Channel ringing = pbx.update(leg.withState(Channel.RINGING));
          pbx.memberStatus(iface, QueueMember.RINGING, false);
          pbx.scheduler()
              .schedule(
                  ringFor,
                  () -> {
                    synchronized (pbx) {
                      if (!pbx.alive(dialer.uniqueid())) {
                        pbx.hangup(ringing.uniqueid(), 16);
                        handle.finished().complete(null);
                        return;
                      }
                      Channel now = pbx.channel(dialer.uniqueid()).orElse(dialer);
                      if (talk == null) {
                        pbx.emit(
                            dial("DialEnd", now, ringing).add("DialStatus", "NOANSWER").build());
                        pbx.hangup(ringing.uniqueid(), 19);
                        pbx.hangup(now.uniqueid(), 16);
                        handle.finished().complete(null);
                        return;
                      }
                      pbx.emit(dial("DialEnd", now, ringing).add("DialStatus", "ANSWER").build());
                      String bridge =
                          UUID.nameUUIDFromBytes(
                                  (now.uniqueid() + "/" + ringing.uniqueid())
                                      .getBytes(StandardCharsets.UTF_8))
                              .toString();
                      Channel up = pbx.update(ringing.withState(Channel.UP).withBridge(bridge));
                      pbx.update(now.withState(Channel.UP).withBridge(bridge));
                      pbx.memberStatus(iface, QueueMember.INUSE, true);
                      pbx.scheduler()
                          .schedule(
                              talk,
                              () -> {
                                synchronized (pbx) {
                                  // The party's BYE (HangupRequest); the bridge then hangs
                                  // up the other side with it.
                                  Channel first = by == HangupBy.AGENT ? up : now;
                                  pbx.channel(first.uniqueid())
                                      .ifPresent(
                                          c ->
                                              pbx.emit(
                                                  c.addTo(
                                                          AmiMessage.event("HangupRequest")
                                                              .add("Privilege", "call,all"),
                                                          "")
                                                      .add("Cause", 16)
                                                      .build()));
                                  pbx.hangup(first.uniqueid(), 16);
                                  handle.finished().complete(null);
                                }
                              });
                    }
                  });
        });
    return handle;
  }

  private static AmiMessage.Builder dial(String event, Channel caller, Channel dest) {
    AmiMessage.Builder b = AmiMessage.event(event).add("Privilege", "call,all");
    caller.addTo(b, "");
    dest.addTo(b, "Dest");
    return b;
  }
}
