package dev.callcenter.pbxsim.agi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;
import org.asteriskjava.util.ServerSocketFacade;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator plays Asterisk against the real Asterisk-Java {@code DefaultAgiServer}. */
class FastAgiAgainstAsteriskJavaTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** What the test script saw in one session, keyed by the channel's uniqueid. */
  record Seen(String digits, boolean hangupException) {}

  private static final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private static final Map<String, String> badRepliesSeen = new ConcurrentHashMap<>();
  private static DefaultAgiServer server;
  private static Thread serverThread;
  private static PbxSimulator sim;
  private static int port;

  /** Answers, reads up to 5 digits, records them, then plays a file; stops on hang-up. */
  static final class IvrScript implements AgiScript {
    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
      String digits = null;
      try {
        channel.answer();
        digits = channel.getData("beep", 5000, 5);
        channel.setVariable("IVR_DIGITS", digits);
        channel.streamFile("beep");
        seen.put(request.getUniqueId(), new Seen(digits, false));
      } catch (AgiHangupException e) {
        seen.put(request.getUniqueId(), new Seen(digits, true));
        channel.setVariable("IVR_RESULT", "caller-hungup");
      }
    }
  }

  /** Sends a GET DATA without a file and an unknown command, and records what came back. */
  static final class BadScript implements AgiScript {
    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
      badRepliesSeen.put("getdata", outcome(channel, "GET DATA"));
      badRepliesSeen.put("unknown", outcome(channel, "FROB NICATE"));
    }

    private static String outcome(AgiChannel channel, String line) {
      try {
        return Integer.toString(channel.sendCommand(new Raw(line)).getStatus());
      } catch (AgiException e) {
        return e.getClass().getSimpleName();
      }
    }
  }

  static final class Raw extends AbstractAgiCommand {
    private final String line;

    Raw(String line) {
      this.line = line;
    }

    @Override
    public String buildCommand() {
      return line;
    }
  }

  @BeforeAll
  static void startAgiServer() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    SimpleMappingStrategy mapping = new SimpleMappingStrategy();
    mapping.setMappings(Map.of("ivr", new IvrScript(), "bad", new BadScript()));
    CountDownLatch bound = new CountDownLatch(1);
    server =
        new DefaultAgiServer(mapping) {
          @Override
          protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            bound.countDown();
            return socket;
          }
        };
    server.setAddress(InetAddress.getLoopbackAddress());
    server.setPort(port);
    serverThread =
        Thread.ofPlatform()
            .daemon()
            .name("agi-server")
            .start(
                () -> {
                  try {
                    server.startup();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
    assertThat(bound.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("AGI server bound").isTrue();
    sim =
        PbxSimulator.start(
            AmiConfig.defaults(), new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z")));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    sim.close();
    server.shutdown();
    serverThread.join(WAIT.toMillis());
  }

  private static String uri(String script) {
    return "agi://127.0.0.1:" + port + "/" + script;
  }

  private static AgiResult run(AgiCall call) throws Exception {
    return call.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void digitsReachTheScriptAndTheVariableItSetsIsVisible() throws Exception {
    AgiCall call =
        sim.agi()
            .call(
                uri("ivr"),
                AgiCaller.from("+886223456789").language("zh_TW").pressing("12345#").thenHangUp());

    AgiResult result = run(call);

    assertThat(seen.get(call.uniqueid())).isEqualTo(new Seen("12345", false));
    assertThat(result.variables()).containsEntry("IVR_DIGITS", "12345");
    assertThat(result.ending()).isEqualTo(new AgiEnding.ScriptReturned());
    assertThat(result.agiStatus()).isEqualTo("SUCCESS");
    // Asterisk-Java quotes the file and reports the script's status in AJ_AGISTATUS last.
    assertThat(result.commands())
        .containsExactly(
            "ANSWER",
            "GET DATA \"beep\" 5000 5",
            "SET VARIABLE \"IVR_DIGITS\" \"12345\"",
            "STREAM FILE \"beep\" \"\"",
            "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
    assertThat(result.replies())
        .containsExactly(
            "200 result=0",
            "200 result=12345",
            "200 result=1",
            "200 result=0 endpos=2000",
            "200 result=1",
            "HANGUP");
    assertThat(result.environmentText())
        .contains("agi_network_script: ivr\n", "agi_request: " + uri("ivr") + "\n")
        .contains("agi_callerid: +886223456789\n", "agi_calleridname: unknown\n")
        .contains("agi_language: zh_TW\n", "agi_uniqueid: " + call.uniqueid() + "\n")
        .endsWith("\n\n");
  }

  @Test
  void noInputReachesTheScriptAsEmpty() throws Exception {
    AgiCall call = sim.agi().call(uri("ivr"), AgiCaller.from("0912345678").timingOut());

    AgiResult result = run(call);

    assertThat(seen.get(call.uniqueid())).isEqualTo(new Seen("", false));
    assertThat(result.replies()).contains("200 result= (timeout)");
  }

  @Test
  void callerHangingUpDuringGetDataEndsTheScriptAndLaterCommandsGet511() throws Exception {
    AgiCall call = sim.agi().call(uri("ivr"), AgiCaller.from("15551230000").hangUpAt(1));

    AgiResult result = run(call);

    assertThat(seen.get(call.uniqueid()).hangupException()).isTrue();
    assertThat(result.ending()).isEqualTo(new AgiEnding.CallerHungUp(1));
    assertThat(result.agiStatus()).isEqualTo("HANGUP");
    List<String> replies = result.replies();
    assertThat(replies).containsSubsequence("200 result=-1", "HANGUP", AgiDialogue.DEAD);
    assertThat(result.transcript())
        .containsSubsequence(
            new AgiLine.Received("GET DATA \"beep\" 5000 5"),
            new AgiLine.Sent("200 result=-1"),
            new AgiLine.Sent("HANGUP"),
            new AgiLine.Received("STREAM FILE \"beep\" \"\""),
            new AgiLine.Sent(AgiDialogue.DEAD));
    // like the capture: variables still work on the dead channel
    assertThat(result.variables()).containsEntry("IVR_RESULT", "caller-hungup");
  }

  @Test
  void manySessionsRunAtOnceEachWithItsOwnDigits() throws Exception {
    List<AgiCall> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(
          sim.agi().call(uri("ivr"), AgiCaller.from("0912" + i).pressing(i + "#").thenHangUp()));
    }

    for (int i = 0; i < calls.size(); i++) {
      AgiCall call = calls.get(i);
      assertThat(run(call).variables()).containsEntry("IVR_DIGITS", Integer.toString(i));
      assertThat(seen.get(call.uniqueid())).isEqualTo(new Seen(Integer.toString(i), false));
    }
  }

  @Test
  void anUnreachableServerIsAnAgiFailureWithinTwoSeconds() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    long t0 = System.nanoTime();

    AgiResult result =
        run(sim.agi().call("agi://127.0.0.1:" + closed + "/ivr", AgiCaller.from("100")));

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(result.agiStatus()).isEqualTo("FAILURE");
    assertThat(result.ending()).isInstanceOf(AgiEnding.Failed.class);
    assertThat(result.transcript()).isEmpty();
  }

  @Test
  void badGetDataSyntaxGetsTheMultiLine520AndUnknownCommandsGet510() throws Exception {
    AgiResult result = run(sim.agi().call(uri("bad"), AgiCaller.from("100")));

    assertThat(result.replies().getFirst())
        .isEqualTo("520-Invalid command syntax.  Proper usage follows:");
    assertThat(result.replies()).contains("520 End of proper usage.", AgiDialogue.UNKNOWN);
    assertThat(badRepliesSeen)
        .containsEntry("getdata", "InvalidCommandSyntaxException")
        .containsEntry("unknown", "InvalidOrUnknownCommandException");
  }

  @Test
  void environmentBlockHasTheCapturedKeysInOrderAndTheRawUtf8Name() throws Exception {
    byte[] captured = capture("agi-chinese-getdata.in");
    byte[] capturedEnv =
        Arrays.copyOf(captured, indexOf(captured, "\n\n".getBytes(StandardCharsets.UTF_8)) + 2);

    AgiResult result =
        run(sim.agi().call(uri("ivr"), AgiCaller.from("0912345678").name("張三").pressing("2")));

    assertThat(keys(result.environment())).isEqualTo(keys(capturedEnv));
    byte[] nameLine = "agi_calleridname: 張三\n".getBytes(StandardCharsets.UTF_8);
    assertThat(indexOf(capturedEnv, nameLine)).isPositive();
    assertThat(indexOf(result.environment(), nameLine)).isPositive();
    assertThat(lines(result.environment()))
        .contains("agi_network: yes", "agi_callerid: 0912345678", "agi_dnid: 100")
        .contains("agi_context: from-pstn", "agi_enhanced: 0.0", "agi_accountcode: ");
    assertThat(result.environment()[result.environment().length - 1]).isEqualTo((byte) '\n');
    assertThat(new String(result.environment(), StandardCharsets.UTF_8)).doesNotContain("\r");
  }

  private static byte[] capture(String name) throws Exception {
    return Files.readAllBytes(
        Path.of(FastAgiAgainstAsteriskJavaTest.class.getResource("/captures/" + name).toURI()));
  }

  private static List<String> lines(byte[] env) {
    return new String(env, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
  }

  private static List<String> keys(byte[] env) {
    return lines(env).stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
