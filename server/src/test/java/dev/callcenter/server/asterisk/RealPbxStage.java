package dev.callcenter.server.asterisk;

import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * Everything a test against the real Asterisk needs, started once per test class: Asterisk with the
 * sample configuration, the call-center server (CTI gateway over AMI, the FastAGI IVR) on its own
 * database, agent1 on {@code PJSIP/1001} and agent2 on {@code PJSIP/1002} (sipp phones that
 * registered), and the customers' side of the provider's trunk (sipp on {@value #TRUNK_HOST}).
 * Closing it stops whatever was started, in reverse order, however far the start got.
 */
final class RealPbxStage implements AutoCloseable {

  /** The provider's address: the sample's identify matches it, so its calls land in from-pstn. */
  static final String TRUNK_HOST = "127.0.0.2";

  static final String PHONE_HOST = "127.0.0.1";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern AVAILABLE_PHONE =
      Pattern.compile("Contact: +100[12]/sip:\\S+ +\\S+ +Avail ");

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  final Path dir;
  final String amiSecret = "ami-" + UUID.randomUUID();
  final int amiPort = Sipp.freeTcpPort();
  final int sipPort = Sipp.freeUdpPort(PHONE_HOST);
  TestServer server;
  Asterisk pbx;
  SipPhone customerPhone;
  SipPhone phone1001;
  SipPhone phone1002;
  long agent1;
  long agent2;

  private RealPbxStage(Path dir) {
    this.dir = dir;
  }

  /** Starts it all; {@code serverSettings} are added to (or override) the IT defaults. */
  static RealPbxStage start(String name, Map<String, String> serverSettings) throws Exception {
    assumeInstalled();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    // kept after the run (console.log, log/full, sipp's message logs) for a look after a failure
    Path dir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "real-pbx")), name + "-" + stamp + "-");
    RealPbxStage stage = new RealPbxStage(dir.toAbsolutePath());
    try {
      stage.startAll(serverSettings);
      return stage;
    } catch (Exception | Error e) {
      stage.close();
      throw e;
    }
  }

  private void startAll(Map<String, String> serverSettings) throws IOException {
    customerPhone = opened(SipPhone.start(dir, "customer", TRUNK_HOST, pbxAddress()));
    Map<String, String> settings = new HashMap<>(serverSettings(amiPort, amiSecret));
    settings.putAll(serverSettings);
    server = opened(TestServer.start(settings, Clock.systemUTC()));
    Map<String, String> passwords =
        Map.of("1001", "pw-" + UUID.randomUUID(), "1002", "pw-" + UUID.randomUUID());
    pbx =
        opened(
            Asterisk.start(
                dir,
                new Asterisk.Settings(
                    sipPort,
                    amiPort,
                    amiSecret,
                    server.server().ivr().port(),
                    customerPhone.address(),
                    passwords,
                    Map.of())));
    phone1001 = opened(SipPhone.start(dir, "phone-1001", PHONE_HOST, pbxAddress()));
    phone1002 = opened(SipPhone.start(dir, "phone-1002", PHONE_HOST, pbxAddress()));
    phone1001.register("1001", passwords.get("1001"));
    phone1002.register("1002", passwords.get("1002"));
    awaitPhonesReachable();
    var s = server.services();
    agent1 = s.users().findCredentials("agent1").orElseThrow().user().id();
    agent2 = s.users().findCredentials("agent2").orElseThrow().user().id();
    s.agentDevices().assign(agent1, "PJSIP/1001", List.of("support"));
    s.agentDevices().assign(agent2, "PJSIP/1002", List.of("support"));
    awaitGatewayUp();
    server.server().cti().reloadAgents();
  }

  /**
   * Skips the calling test class when {@link RealPbx#missing} names anything, except under CI
   * ({@code CI=true}, set by {@code .ci/run}, which installs it all), where that is a failure.
   */
  static void assumeInstalled() {
    List<String> missing = RealPbx.missing();
    if (missing.isEmpty()) {
      return;
    }
    String message = "Real-Asterisk tests need " + String.join(", ", missing) + "; .ci/run does it";
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(message);
    }
    // JUnit reports a class aborted in @BeforeAll as 0 tests run, without the reason: say it
    LoggerFactory.getLogger(RealPbxStage.class).warn("Skipped: {}", message);
    Assumptions.assumeTrue(false, "Skipped: " + message);
  }

  /** The server's settings for this Asterisk: AMI as manager.conf has it, the IVR on loopback. */
  static Map<String, String> serverSettings(int amiPort, String secret) {
    Map<String, String> s = new HashMap<>();
    s.put("cti.enabled", "true");
    s.put("cti.ami.host", "127.0.0.1");
    s.put("cti.ami.port", Integer.toString(amiPort));
    s.put("cti.ami.username", "callcenter");
    s.put("cti.ami.secret", secret);
    s.put("cti.ami.ping-interval", "2s");
    s.put("cti.ami.read-timeout", "10s");
    s.put("cti.ami.reconnect-min", "100ms");
    s.put("cti.ami.reconnect-max", "500ms");
    // as queues.conf's wrapuptime
    s.put("cti.wrap-up", "10s");
    s.put("ivr.enabled", "true");
    s.put("ivr.host", "127.0.0.1");
    s.put("ivr.port", "0");
    s.put("ivr.allowed-peers", "127.0.0.1");
    return s;
  }

  /** Asterisk's SIP address, {@code host:port}. */
  String pbxAddress() {
    return PHONE_HOST + ":" + sipPort;
  }

  /** A customer dials {@code did} through the trunk. */
  SipCall dial(SipCall.Builder call, String did) {
    return call.dial(dir, pbxAddress(), TRUNK_HOST, did);
  }

  /** Every {@code custom/…} prompt the IVR menus name, as sounds.md lists them. */
  static Set<String> prompts() {
    try {
      String menus = Files.readString(Asterisk.projectFile("config/ivr-menus.conf"));
      Set<String> names = new LinkedHashSet<>();
      Matcher m = Pattern.compile("\"(custom/[a-z0-9-]+)\"").matcher(menus);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Customer customer(String name, String phone, String language) {
    return server.customer(name, phone, language);
  }

  /** The members line of {@code iface} in {@code queue show queue}, or null if not a member. */
  String memberLine(String queue, String iface) {
    for (String line : pbx.cli("queue show " + queue).split("\n")) {
      // "agent1 (PJSIP/1001) (ringinuse disabled) (dynamic) (paused:lunch …) (Not in use) …"
      if (line.strip().startsWith(iface + " ") || line.contains("(" + iface + ")")) {
        return line.strip();
      }
    }
    return null;
  }

  void awaitGatewayUp() {
    await(
        "the gateway logged in to AMI",
        () -> {
          var link = server.server().cti().link();
          return link.state().equals("UP") && link.commandsUp();
        });
  }

  /** Both agent phones registered and answering Asterisk's qualify (OPTIONS). */
  void awaitPhonesReachable() {
    await(
        "phones 1001 and 1002 registered and reachable",
        () -> {
          String contacts = pbx.cli("pjsip show contacts");
          return contacts.lines().filter(l -> AVAILABLE_PHONE.matcher(l).find()).count() >= 2;
        });
  }

  /** Polls {@code condition} every 20 ms for up to 20 s. */
  static void await(String what, Supplier<Boolean> condition) {
    await(what, WAIT, condition);
  }

  static void await(String what, Duration within, Supplier<Boolean> condition) {
    await(() -> what, within, condition);
  }

  /** Polls {@code condition}; {@code what} (evaluated on failure) says what was expected. */
  static void await(Supplier<String> what, Duration within, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what.get());
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private <T extends AutoCloseable> T opened(T part) {
    started.push(part);
    return part;
  }

  @Override
  public void close() {
    List<Exception> failures = new ArrayList<>();
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      IllegalStateException e = new IllegalStateException("closing the stage failed");
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }
}
