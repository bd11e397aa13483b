package dev.callcenter.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiResult;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.scenario.HangupBy;
import dev.callcenter.pbxsim.scenario.IvrCallHandle;
import dev.callcenter.pbxsim.time.ManualScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dialplan of config/asterisk/extensions.conf played by the simulator: AGI over real TCP to a
 * minimal FastAGI server that sets the queue variables, then the queue call on the same channel.
 */
class IvrThenQueueScenarioTest {
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T07:00:00Z"));
  private final Map<String, String> linkedidSeenByScript = new ConcurrentHashMap<>();
  private PbxSimulator sim;
  private AsteriskJavaClient client;
  private ServerSocket agiServer;

  @BeforeEach
  void start() throws Exception {
    sim = PbxSimulator.start(AmiConfig.defaults(), time);
    sim.pbx().addQueue("support");
    sim.pbx().addQueue("sales");
    sim.pbx().addMember("support", "PJSIP/1001", "Agent 1001");
    sim.pbx().addMember("sales", "PJSIP/1002", "Agent 1002");
    client = AsteriskJavaClient.loggedIn(sim);
    agiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::serveAgi);
  }

  @AfterEach
  void stop() throws IOException {
    agiServer.close();
    client.close();
    sim.close();
  }

  /** Reads the env block, then sends the SET VARIABLE lines its script name asks for. */
  private void serveAgi() {
    while (!agiServer.isClosed()) {
      try (Socket s = agiServer.accept()) {
        var in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        String script = "";
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
          if (line.startsWith("agi_network_script: ")) {
            script = line.substring("agi_network_script: ".length());
          }
        }
        List<String> route =
            List.of(
                "SET VARIABLE CC_NEXT queue",
                "SET VARIABLE CC_QUEUE sales",
                "SET VARIABLE QUEUE_PRIO 10");
        List<String> commands = new java.util.ArrayList<>();
        switch (script) {
          case "callback" -> commands.add("SET VARIABLE CC_NEXT hangup");
          case "welcome" -> {
            commands.add("STREAM FILE custom/cc-welcome \"\"");
            commands.add("GET DATA custom/cc-main 5000 1");
            commands.addAll(route);
          }
          default -> {
            commands.add("GET FULL VARIABLE ${CHANNEL(linkedid)}");
            commands.add("GET DATA custom/cc-main 5000 1");
            commands.addAll(route);
          }
        }
        for (String c : commands) {
          out.write((c + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          String reply = in.readLine();
          if (c.startsWith("GET FULL")) {
            linkedidSeenByScript.put(script, reply.replaceAll(".*\\((.*)\\)$", "$1"));
          }
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private String url(String script) {
    return "agi://127.0.0.1:" + agiServer.getLocalPort() + "/" + script;
  }

  @Test
  void afterTheIvrTheCallQueuesWhereTheScriptSaidOnTheSameLinkedid() throws Exception {
    IvrCallHandle call =
        sim.calls()
            .ivrThenQueue(url("ivr"), "0912345678", "張三", "100", "1")
            .answeredBy("PJSIP/1002", Duration.ofSeconds(1), Duration.ofSeconds(4), HangupBy.AGENT);

    NewChannelEvent offered = client.await(NewChannelEvent.class);
    assertThat(offered.getExten()).isEqualTo("100");
    assertThat(offered.getUniqueId()).isEqualTo(call.linkedid());
    AgiResult ivr = call.ivr().get(10, TimeUnit.SECONDS);
    assertThat(ivr.commands()).contains("GET DATA custom/cc-main 5000 1");
    assertThat(ivr.replies()).contains("200 result=1");
    assertThat(linkedidSeenByScript).containsEntry("ivr", call.linkedid());
    time.runDue();

    assertThat(call.queued().get(5, TimeUnit.SECONDS))
        .contains(new IvrCallHandle.Queued("sales", 10));
    QueueCallerJoinEvent join = client.await(QueueCallerJoinEvent.class);
    assertThat(join.getQueue()).isEqualTo("sales");
    assertThat(join.getLinkedId()).isEqualTo(call.linkedid());
    AgentCalledEvent called = client.await(AgentCalledEvent.class);
    assertThat(called.getCallerIdName()).isEqualTo("張三");
    assertThat(called.getLinkedId()).isEqualTo(call.linkedid());
    assertThat(called.getInterface()).isEqualTo("PJSIP/1002");
    time.advance(Duration.ofSeconds(5));
    assertThat(client.await(AgentCompleteEvent.class).getTalkTime()).isEqualTo(4);
    call.finished().get(5, TimeUnit.SECONDS);
    assertThat(sim.pbx().channels()).isEmpty();
  }

  @Test
  void aScriptThatTookACallbackHangsTheCallUpInsteadOfQueueing() throws Exception {
    IvrCallHandle call =
        sim.calls()
            .ivrThenQueue(url("callback"), AgiCaller.from("0912345678").at("from-pstn", "100"))
            .answeredBy("PJSIP/1001");

    call.ivr().get(10, TimeUnit.SECONDS);
    time.runDue();

    assertThat(call.queued().get(5, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
    HangupEvent hangup = client.await(HangupEvent.class);
    assertThat(hangup.getUniqueId()).isEqualTo(call.uniqueid());
    call.finished().get(5, TimeUnit.SECONDS);
  }

  @Test
  void missingPromptsFailTheAgiStatusButTheCallerKeepsTheRoutingTheScriptSet() throws Exception {
    IvrCallHandle call =
        sim.calls()
            .ivrThenQueue(
                url("welcome"),
                AgiCaller.from("0912345678")
                    .pressing("1")
                    .withoutSounds("custom/cc-welcome", "custom/cc-main"))
            .answeredBy("PJSIP/1001");

    AgiResult ivr = call.ivr().get(10, TimeUnit.SECONDS);
    // as Asterisk 22: STREAM FILE of a missing file fails the session's AGISTATUS, GET DATA of a
    // missing prompt reads no digits
    assertThat(ivr.replies()).containsSubsequence("200 result=-1 endpos=0", "200 result=-1");
    assertThat(ivr.agiStatus()).isEqualTo("FAILURE");
    time.runDue();

    assertThat(call.queued().get(5, TimeUnit.SECONDS))
        .contains(new IvrCallHandle.Queued("sales", 10));
    assertThat(client.await(QueueCallerJoinEvent.class).getQueue()).isEqualTo("sales");
  }

  @Test
  void anUnreachableIvrFallsBackToTheDefaultQueueAtStandardPriority() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    IvrCallHandle call =
        sim.calls()
            .ivrThenQueue(
                "agi://127.0.0.1:" + closedPort + "/ivr",
                AgiCaller.from("0287654321").pressing("0"))
            .defaultQueue("support")
            .answeredBy("PJSIP/1001");

    assertThat(call.ivr().get(10, TimeUnit.SECONDS).agiStatus()).isEqualTo("FAILURE");
    time.runDue();

    assertThat(call.queued().get(5, TimeUnit.SECONDS))
        .contains(new IvrCallHandle.Queued("support", 0));
    assertThat(client.await(QueueCallerJoinEvent.class).getQueue()).isEqualTo("support");
  }

  @Test
  void listeningCallersHoldTheSessionAndEachCommandIsTimed() throws Exception {
    try (var agi =
        new dev.callcenter.pbxsim.agi.Agi(java.time.Clock.systemUTC(), Duration.ofMillis(150))) {
      long start = System.nanoTime();
      AgiResult r =
          agi.call(url("ivr"), AgiCaller.from("1").pressing("2"))
              .result()
              .get(10, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r.commands()).hasSize(5);
      assertThat(r.serverTimes()).hasSize(5).allSatisfy(d -> assertThat(d).isPositive());
      assertThat(took)
          .as("the caller listened to the one prompt")
          .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
  }
}
