package dev.callcenter.pbxsim.agi;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry point of FastAGI sessions played from the Asterisk side, each on its own virtual thread:
 * {@code agi.call("agi://127.0.0.1:4573/ivr", AgiCaller.from("+886223456789").pressing("1"))}.
 */
public final class Agi implements AutoCloseable {
  private final Clock clock;
  private final Duration listening;
  private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger sequence = new AtomicInteger();

  public Agi(Clock clock) {
    this(clock, Duration.ZERO);
  }

  /**
   * Sessions whose callers take {@code listening} to hear each prompt before the reply is sent
   * ({@code GET DATA}, {@code STREAM FILE}, {@code SAY …}, {@code WAIT FOR DIGIT}), for load tests
   * that hold many sessions open as real calls do.
   */
  public Agi(Clock clock, Duration listening) {
    this.clock = clock;
    this.listening = listening;
  }

  /**
   * Runs the dialplan's {@code AGI(uri)} for {@code caller} on a new channel; the returned future
   * completes with the session's result, a {@code FAILURE} one if the server is unreachable.
   */
  public AgiCall call(String uri, AgiCaller caller) {
    AgiUri target = AgiUri.parse(uri);
    int n = sequence.getAndIncrement();
    String channel = "PJSIP/pstn-" + HexFormat.of().toHexDigits(n);
    String uniqueid = clock.instant().getEpochSecond() + "." + n;
    AgiSession session =
        new AgiSession(target, caller, channel, uniqueid, 140453417760448L + n, listening);
    CompletableFuture<AgiResult> result = CompletableFuture.supplyAsync(session::run, sessions);
    return new AgiCall(channel, uniqueid, result);
  }

  /**
   * Runs another {@code AGI(uri)} on the channel of an earlier session, as a dialplan does when it
   * runs a second script after {@code Queue()} returns (same channel, Uniqueid and Linkedid).
   */
  public AgiCall callOnChannel(AgiCall earlier, String uri, AgiCaller caller) {
    return callOn(earlier.channel(), earlier.uniqueid(), uri, caller);
  }

  /**
   * Runs {@code AGI(uri)} on a channel the PBX simulator already has (its name and Uniqueid, which
   * is also the Linkedid the script reads with {@code ${CHANNEL(linkedid)}}).
   */
  public AgiCall callOn(String channel, String uniqueid, String uri, AgiCaller caller) {
    AgiUri target = AgiUri.parse(uri);
    int n = sequence.getAndIncrement();
    AgiSession session =
        new AgiSession(target, caller, channel, uniqueid, 140453417760448L + n, listening);
    CompletableFuture<AgiResult> result = CompletableFuture.supplyAsync(session::run, sessions);
    return new AgiCall(channel, uniqueid, result);
  }

  @Override
  public void close() {
    sessions.shutdownNow();
  }
}
