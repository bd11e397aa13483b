package dev.callcenter.cti.ivr.fastagi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.callcenter.pbxsim.agi.Agi;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiEnding;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The FastAGI server against the simulator's Asterisk side over real TCP. */
class FastAgiServerTest {

  private final Agi agi = new Agi(Clock.systemUTC());
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    agi.close();
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private FastAgiServer serve(List<String> allowed, Map<String, AgiScript> scripts) {
    FastAgiServer server =
        FastAgiServer.start(
            FastAgiConfig.defaults().withPort(0).withAllowedPeers(allowed), scripts);
    closing.add(server);
    return server;
  }

  private static AgiResult finish(AgiCall call) throws Exception {
    return call.result().get(20, TimeUnit.SECONDS);
  }

  private static String url(FastAgiServer server, String script) {
    return "agi://127.0.0.1:" + server.port() + "/" + script;
  }

  @Test
  void listensOnLoopbackByDefault() {
    assertThat(FastAgiConfig.defaults().host()).isEqualTo("127.0.0.1");
    assertThat(FastAgiConfig.defaults().port()).isEqualTo(4573);
    FastAgiServer server = serve(List.of("127.0.0.1"), Map.of());
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void aPeerNotInTheAllowListIsClosedBeforeAnyScriptRuns() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    FastAgiServer server =
        serve(List.of("10.255.255.1"), Map.of("ivr", (request, channel) -> ran.incrementAndGet()));
    ListAppender<ILoggingEvent> logs = capture(FastAgiServer.class);

    AgiResult r = finish(agi.call(url(server, "ivr"), AgiCaller.from("0912345678")));

    assertThat(r.commands()).isEmpty();
    assertThat(ran).hasValue(0);
    assertThat(server.refused()).isEqualTo(1);
    assertThat(server.served()).isZero();
    assertThat(logs.list)
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage())
                  .contains("/127.0.0.1 refused: not a configured PBX address");
            });
  }

  @Test
  void onlyExplicitlyMappedScriptsRun() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    FastAgiServer server =
        serve(List.of("127.0.0.1"), Map.of("ivr", (request, channel) -> ran.incrementAndGet()));

    AgiResult byClassName =
        finish(
            agi.call(
                url(server, "org.asteriskjava.fastagi.ScriptEngineMappingStrategy"),
                AgiCaller.from("1")));
    AgiResult byFile =
        finish(agi.call(url(server, "../../etc/passwd.groovy"), AgiCaller.from("1")));

    assertThat(byClassName.commands()).isEmpty();
    assertThat(byFile.commands()).isEmpty();
    assertThat(ran).hasValue(0);
    AgiResult mapped = finish(agi.call(url(server, "ivr?x=1"), AgiCaller.from("1")));
    assertThat(mapped.agiStatus()).isEqualTo("SUCCESS");
    assertThat(ran).hasValue(1);
  }

  @Test
  void callerHangupEndsTheScriptAndLaterChannelCommandsGet511WhileVariablesStillWork()
      throws Exception {
    Map<String, Object> seen = new ConcurrentHashMap<>();
    ListAppender<ILoggingEvent> logs = capture(FastAgiServer.class);
    FastAgiServer server =
        serve(
            List.of("127.0.0.1"),
            Map.of(
                "ivr",
                (request, channel) -> {
                  try {
                    channel.getData("custom/cc-main", Duration.ofSeconds(5), 1);
                    seen.put("getData", "returned");
                  } catch (AgiHangupException e) {
                    seen.put("getData", "hangup");
                  }
                  seen.put("hungUp", channel.hungUp());
                  try {
                    channel.streamFile("custom/cc-goodbye");
                  } catch (AgiHangupException e) {
                    seen.put("streamFile", e.getMessage());
                  }
                  seen.put("number", channel.getVariable("CALLERID(num)").orElse("?"));
                  channel.setVariable("IVR_RESULT", "caller-hungup");
                  channel.getData("custom/cc-main", Duration.ofSeconds(5), 1);
                  seen.put("unreachable", true);
                }));

    AgiResult r = finish(agi.call(url(server, "ivr"), AgiCaller.from("15551230000").hangUpAt(1)));

    assertThat(r.ending()).isEqualTo(new AgiEnding.CallerHungUp(1));
    assertThat(seen)
        .containsEntry("getData", "hangup")
        .containsEntry("hungUp", true)
        .containsEntry("streamFile", "channel is dead, STREAM FILE refused (511)")
        .containsEntry("number", "15551230000")
        .doesNotContainKey("unreachable");
    assertThat(r.replies())
        .containsSubsequence(
            "200 result=-1",
            "HANGUP",
            "511 Command Not Permitted on a dead channel or intercept routine",
            "200 result=1 (15551230000)",
            "200 result=1",
            "511 Command Not Permitted on a dead channel or intercept routine");
    assertThat(r.variables()).containsEntry("IVR_RESULT", "caller-hungup");
    assertThat(logs.list)
        .filteredOn(e -> e.getFormattedMessage().contains("hung up"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.INFO);
              assertThat(e.getThrowableProxy()).isNull();
            });
  }

  @Test
  void unknownCommandsAndBadSyntaxAreCommandErrorsAndTheChannelStaysUsable() throws Exception {
    Map<String, AgiCommandException> errors = new ConcurrentHashMap<>();
    FastAgiServer server =
        serve(
            List.of("127.0.0.1"),
            Map.of(
                "ivr",
                (request, channel) -> {
                  try {
                    channel.command("FLY AWAY");
                  } catch (AgiCommandException e) {
                    errors.put("510", e);
                  }
                  try {
                    channel.command("GET DATA");
                  } catch (AgiCommandException e) {
                    errors.put("520", e);
                  }
                  channel.setVariable("STILL", "up");
                }));

    AgiResult r = finish(agi.call(url(server, "ivr"), AgiCaller.from("1")));

    assertThat(errors.get("510").code()).isEqualTo(510);
    assertThat(errors.get("520").code()).isEqualTo(520);
    assertThat(errors.get("520").lines())
        .startsWith("520-Invalid command syntax.  Proper usage follows:")
        .endsWith("520 End of proper usage.");
    assertThat(r.variables()).containsEntry("STILL", "up");
    assertThat(r.agiStatus()).isEqualTo("SUCCESS");
  }

  @Test
  void theEnvironmentIsReadWithRawUtf8NamesArgumentsAndQueryParameters() throws Exception {
    List<AgiRequest> requests = new CopyOnWriteArrayList<>();
    FastAgiServer server =
        serve(List.of("127.0.0.1"), Map.of("survey", (request, channel) -> requests.add(request)));

    AgiCall call =
        agi.call(
            url(server, "survey?agent=PJSIP%2F1001&queue=support"),
            AgiCaller.from("0912345678").name("張三").args("PJSIP/1002", "sales"));
    finish(call);

    AgiRequest req = requests.getFirst();
    assertThat(req.script()).isEqualTo("survey");
    assertThat(req.parameters())
        .containsEntry("agent", "PJSIP/1001")
        .containsEntry("queue", "support");
    assertThat(req.args()).containsExactly("PJSIP/1002", "sales");
    assertThat(req.callerName()).isEqualTo("張三");
    assertThat(req.callerNumber()).isEqualTo("0912345678");
    assertThat(req.uniqueid()).isEqualTo(call.uniqueid());
    assertThat(req.peer().isLoopbackAddress()).isTrue();
  }

  @Test
  void manyConcurrentSessionsEachGetTheirOwnDigits() throws Exception {
    FastAgiServer server =
        serve(
            List.of("127.0.0.1"),
            Map.of(
                "ivr",
                (request, channel) -> {
                  AgiChannel.Entry e = channel.getData("beep", Duration.ofSeconds(5), 6);
                  channel.setVariable("KEYED", e.digits());
                }));
    int n = 600;
    List<AgiCall> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(
          agi.call(url(server, "ivr"), AgiCaller.from("1").pressing(String.format("%06d", i))));
    }
    for (int i = 0; i < n; i++) {
      assertThat(finish(calls.get(i)).variables()).containsEntry("KEYED", String.format("%06d", i));
    }
    assertThat(server.served()).isEqualTo(n);
  }

  private ListAppender<ILoggingEvent> capture(Class<?> type) {
    Logger logger = (Logger) LoggerFactory.getLogger(type);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    closing.add(() -> logger.detachAppender(appender));
    return appender;
  }

  @Test
  void quotingFollowsResAgiParsing() {
    assertThat(AgiChannel.quote("support line")).isEqualTo("\"support line\"");
    assertThat(AgiChannel.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    assertThatThrownBy(() -> new AgiChannel(null, null).command("A\nB"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
