package dev.callcenter.cti.ami;

import dev.callcenter.cti.call.CallEvent;
import dev.callcenter.cti.call.PbxEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;

/**
 * The real Asterisk-Java {@link ManagerConnection} whose listener feeds every event through the
 * translator into a queue the test waits on, with a bounded timeout.
 */
final class TranslatingAmiClient implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ManagerConnection connection;
  private final LinkedBlockingQueue<PbxEvent> events = new LinkedBlockingQueue<>();

  /** Events already received that an earlier wait did not claim, in arrival order. */
  private final ArrayDeque<PbxEvent> unclaimed = new ArrayDeque<>();

  private TranslatingAmiClient(ManagerConnection connection) {
    this.connection = connection;
  }

  static TranslatingAmiClient loggedIn(int port, AmiEventTranslator translator) throws Exception {
    ManagerConnection connection =
        new ManagerConnectionFactory("127.0.0.1", port, "cti", "secret").createManagerConnection();
    connection.setSocketReadTimeout(10_000);
    TranslatingAmiClient client = new TranslatingAmiClient(connection);
    // The listener only translates (pure, non-blocking) and hands off.
    connection.addEventListener(e -> translator.translate(e).ifPresent(client.events::add));
    connection.login();
    return client;
  }

  /**
   * The events of call {@code callId} in arrival order, up to and including the first that matches
   * {@code last}; fails if that does not arrive in time. Events of other calls stay for later
   * waits.
   */
  List<CallEvent> callUntil(String callId, Predicate<CallEvent> last) throws InterruptedException {
    List<CallEvent> call = new ArrayList<>();
    List<PbxEvent> other = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        PbxEvent e = next(deadline);
        if (e == null) {
          throw new AssertionError(
              "call " + callId + " did not end within " + WAIT + "; got " + call + ", " + other);
        }
        if (e instanceof CallEvent c && c.callId().equals(callId)) {
          call.add(c);
          if (last.test(c)) {
            return call;
          }
        } else {
          other.add(e);
        }
      }
    } finally {
      for (int i = other.size() - 1; i >= 0; i--) {
        unclaimed.addFirst(other.get(i));
      }
    }
  }

  private PbxEvent next(long deadline) throws InterruptedException {
    if (!unclaimed.isEmpty()) {
      return unclaimed.removeFirst();
    }
    long left = deadline - System.nanoTime();
    return left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
  }

  @Override
  public void close() {
    connection.logoff();
  }
}
