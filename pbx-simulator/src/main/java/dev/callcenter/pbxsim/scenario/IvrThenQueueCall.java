package dev.callcenter.pbxsim.scenario;

import dev.callcenter.pbxsim.agi.Agi;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiEnding;
import dev.callcenter.pbxsim.agi.AgiResult;
import dev.callcenter.pbxsim.pbx.Caller;
import dev.callcenter.pbxsim.pbx.Channel;
import dev.callcenter.pbxsim.pbx.Pbx;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Script of an inbound call that runs the dialplan of {@code config/asterisk/extensions.conf}:
 * {@code Answer()}, {@code AGI(agi://…/ivr)} over real TCP against the server under test, then
 * {@code Queue(${CC_QUEUE})} with {@code QUEUE_PRIO} (the default queue at priority 0 when the
 * script set no {@code CC_NEXT}: unreachable or broken off; the default queue when it set no
 * queue), or a hang-up when the script set {@code CC_NEXT=hangup} or the caller hung up in it. The
 * queue part then plays like {@link InboundQueueCall} on the same channel, so its AMI events carry
 * the Linkedid the script saw.
 */
public final class IvrThenQueueCall {

  private final Pbx pbx;
  private final Agi agi;
  private final String agiUrl;
  private final AgiCaller input;
  private String trunk = "PJSIP/pstn";
  private String defaultQueue = "support";

  IvrThenQueueCall(Pbx pbx, Agi agi, String agiUrl, AgiCaller input) {
    this.pbx = pbx;
    this.agi = Objects.requireNonNull(agi, "agi");
    this.agiUrl = Objects.requireNonNull(agiUrl, "agiUrl");
    this.input = Objects.requireNonNull(input, "input");
  }

  /** The trunk endpoint the call arrives on ({@code PJSIP/pstn} by default). */
  public IvrThenQueueCall via(String trunkInterface) {
    this.trunk = trunkInterface;
    return this;
  }

  /** The queue of the dialplan's fallback ({@code support} by default). */
  public IvrThenQueueCall defaultQueue(String queue) {
    this.defaultQueue = queue;
    return this;
  }

  /** Starts the call; after the IVR it queues and is answered by {@code iface} (2 s ring, 6 s). */
  public IvrCallHandle answeredBy(String iface) {
    return answeredBy(iface, Duration.ofSeconds(2), Duration.ofSeconds(6), HangupBy.AGENT);
  }

  /** Starts the call; after the IVR it queues and is answered by {@code iface}. */
  public IvrCallHandle answeredBy(String iface, Duration ringFor, Duration talk, HangupBy by) {
    Caller caller = Caller.of(input.number(), input.name());
    Channel leg;
    synchronized (pbx) {
      leg =
          pbx.open(
              pbx.draftChannel(trunk, caller, input.context(), input.extension(), null)
                  .withState(Channel.RING));
      leg = pbx.update(leg.withState(Channel.UP).withApplication("AGI", agiUrl));
    }
    Channel callerLeg = leg;
    AgiCall session = agi.callOn(leg.name(), leg.uniqueid(), agiUrl, input);
    CompletableFuture<Optional<IvrCallHandle.Queued>> queued = new CompletableFuture<>();
    CompletableFuture<Void> finished = new CompletableFuture<>();
    // the handle's future completes after the queue step is scheduled, so a test that waits for
    // it and then advances a manual clock sees the queue events
    CompletableFuture<AgiResult> ivr =
        session
            .result()
            .thenApply(
                result -> {
                  pbx.scheduler()
                      .schedule(
                          Duration.ZERO,
                          () ->
                              afterIvr(
                                  callerLeg, result, iface, ringFor, talk, by, queued, finished));
                  return result;
                });
    return new IvrCallHandle(leg.linkedid(), leg.uniqueid(), leg.name(), ivr, queued, finished);
  }

  private void afterIvr(
      Channel callerLeg,
      AgiResult result,
      String iface,
      Duration ringFor,
      Duration talk,
      HangupBy by,
      CompletableFuture<Optional<IvrCallHandle.Queued>> queued,
      CompletableFuture<Void> finished) {
    boolean callerGone = result.ending() instanceof AgiEnding.CallerHungUp;
    if (callerGone || "hangup".equals(result.variables().get("CC_NEXT"))) {
      pbx.hangup(callerLeg.uniqueid(), 16);
      queued.complete(Optional.empty());
      finished.complete(null);
      return;
    }
    // The sample dialplan (config/asterisk/extensions.conf) follows the IVR when it set CC_NEXT,
    // whatever AGISTATUS says, and falls back to the default queue otherwise.
    String next = result.variables().get("CC_NEXT");
    boolean failed = next == null || next.isBlank();
    String queue = failed ? null : result.variables().get("CC_QUEUE");
    if (queue == null || queue.isBlank() || !pbx.hasQueue(queue)) {
      queue = defaultQueue;
    }
    int priority = failed ? 0 : priority(result.variables().get("QUEUE_PRIO"));
    Channel current = pbx.channel(callerLeg.uniqueid()).orElse(callerLeg);
    CallHandle call =
        new InboundQueueCall(pbx, Caller.of(input.number(), input.name()), queue)
            .via(trunk)
            .context(input.context())
            .dialed(input.extension())
            .onOpenChannel(current)
            .answeredBy(iface, ringFor, talk, by);
    queued.complete(Optional.of(new IvrCallHandle.Queued(queue, priority)));
    call.finished().whenComplete((v, e) -> finished.complete(null));
  }

  private static int priority(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
