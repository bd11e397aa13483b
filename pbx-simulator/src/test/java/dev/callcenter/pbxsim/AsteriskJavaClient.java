package dev.callcenter.pbxsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The real Asterisk-Java {@link ManagerConnection} on a simulator, with every event it delivers
 * kept in a queue the test can wait on.
 */
final class AsteriskJavaClient implements AutoCloseable {
  final ManagerConnection connection;
  private final LinkedBlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
  private final List<ManagerEvent> seen = new ArrayList<>();

  AsteriskJavaClient(int port, String user, String secret) {
    connection =
        new ManagerConnectionFactory("127.0.0.1", port, user, secret).createManagerConnection();
    connection.setSocketReadTimeout(10_000);
    // The listener only hands the event off: Asterisk-Java delivers responses on the same thread.
    connection.addEventListener(events::add);
  }

  static AsteriskJavaClient loggedIn(PbxSimulator sim) throws Exception {
    AsteriskJavaClient c = new AsteriskJavaClient(sim.amiPort(), "cti", "secret");
    c.connection.login();
    return c;
  }

  /** The first event of {@code type} matching {@code match}, waiting up to {@code timeout}. */
  <T extends ManagerEvent> T await(Class<T> type, Predicate<T> match, Duration timeout)
      throws InterruptedException {
    for (ManagerEvent e : seen) {
      if (type.isInstance(e) && match.test(type.cast(e))) {
        seen.remove(e);
        return type.cast(e);
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      ManagerEvent e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
      if (e == null) {
        throw new AssertionError(
            "no " + type.getSimpleName() + " within " + timeout + "; other events: " + seen);
      }
      if (type.isInstance(e) && match.test(type.cast(e))) {
        return type.cast(e);
      }
      seen.add(e);
    }
  }

  /**
   * Every event received and not yet claimed by an {@link #await}. Answer a {@code Ping} first:
   * Asterisk-Java delivers events and responses in order, so events sent before it are here.
   */
  List<ManagerEvent> unclaimed() {
    events.drainTo(seen);
    return List.copyOf(seen);
  }

  <T extends ManagerEvent> T await(Class<T> type) throws InterruptedException {
    return await(type, e -> true, Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    connection.logoff();
  }
}
