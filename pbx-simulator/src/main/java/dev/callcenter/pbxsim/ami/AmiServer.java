package dev.callcenter.pbxsim.ami;

import dev.callcenter.pbxsim.PbxSimulatorException;
import dev.callcenter.pbxsim.time.SimScheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI listener of the fake Asterisk: accepts clients, logs them in, broadcasts events and
 * carries the connection-level faults (drop, freeze, restart, slow-client cut-off).
 */
public final class AmiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AmiServer.class);

  private final AmiConfig config;
  private final SimScheduler scheduler;
  private final ActionHandler handler;
  private final ActionLog actionLog = new ActionLog();
  private final ActionFaults faults = new ActionFaults();
  private final Gate gate = new Gate();
  private final AtomicLong sessionIds = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition sessionsChanged = lock.newCondition();
  private final List<AmiSession> sessions = new ArrayList<>();
  private final List<Runnable> restartListeners = new ArrayList<>();
  private ServerSocket listener;
  private Thread acceptor;
  private int boundPort;
  private volatile Instant bootedAt;
  private boolean closed;

  public AmiServer(AmiConfig config, SimScheduler scheduler, ActionHandler handler) {
    this.config = config;
    this.scheduler = scheduler;
    this.handler = handler;
  }

  /** Binds and starts accepting; the port is then {@link #port()}. */
  public void start() {
    Thread.ofVirtual().name("ami-writetimeout").start(this::watchWrites);
    lock.lock();
    try {
      boundPort = config.port();
      listen();
      boundPort = listener.getLocalPort();
    } finally {
      lock.unlock();
    }
    log.info("Fake AMI listening on {}:{}", config.host(), boundPort);
  }

  private void listen() {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(config.host(), boundPort), 200);
      listener = s;
      bootedAt = scheduler.clock().instant();
      acceptor = Thread.ofVirtual().name("ami-accept-" + boundPort).start(() -> acceptLoop(s));
    } catch (IOException e) {
      throw new PbxSimulatorException("cannot bind AMI on " + config.host() + ":" + boundPort, e);
    }
  }

  private void acceptLoop(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket socket = s.accept();
        socket.setTcpNoDelay(true);
        AmiSession session =
            new AmiSession(
                sessionIds.incrementAndGet(), socket, this, config.sessionQueueCapacity());
        lock.lock();
        try {
          sessions.add(session);
          sessionsChanged.signalAll();
        } finally {
          lock.unlock();
        }
        session.start();
      } catch (IOException e) {
        if (!s.isClosed()) {
          log.warn("AMI accept failed", e);
        }
      }
    }
  }

  /**
   * Checks blocked socket writes against the write timeout on real time (socket I/O does not follow
   * the simulated clock).
   */
  private void watchWrites() {
    long timeout = config.writeTimeout().toNanos();
    while (true) {
      lock.lock();
      try {
        if (closed) {
          return;
        }
        sessionsChanged.awaitNanos(Math.max(timeout / 2, 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      long now = System.nanoTime();
      for (AmiSession s : snapshot()) {
        s.checkWriteTimeout(now, timeout);
      }
    }
  }

  /** The bound TCP port (stable across {@link #restart(Duration)}). */
  public int port() {
    return boundPort;
  }

  /** False while a restart refuses connections. */
  public boolean listening() {
    lock.lock();
    try {
      return listener != null;
    } finally {
      lock.unlock();
    }
  }

  public AmiConfig config() {
    return config;
  }

  /** Every action received, for tests. */
  public ActionLog actions() {
    return actionLog;
  }

  /** Reject or delay the next N actions of a name. */
  public ActionFaults faults() {
    return faults;
  }

  SimScheduler scheduler() {
    return scheduler;
  }

  ActionHandler handler() {
    return handler;
  }

  Gate gate() {
    return gate;
  }

  void record(long sessionId, AmiMessage action) {
    List<AmiMessage.Field> masked =
        action.fields().stream()
            .map(
                f ->
                    f.key().equalsIgnoreCase("Secret") || f.key().equalsIgnoreCase("Key")
                        ? new AmiMessage.Field(f.key(), "********")
                        : f)
            .toList();
    actionLog.record(
        new RecordedAction(sessionId, scheduler.clock().instant(), new AmiMessage(masked)));
  }

  AmiMessage fullyBooted() {
    long up = Duration.between(bootedAt, scheduler.clock().instant()).toSeconds();
    return AmiMessage.event("FullyBooted")
        .add("Privilege", "system,all")
        .add("Uptime", up)
        .add("LastReload", up)
        .add("Status", "Fully Booted")
        .build();
  }

  void loggedIn(AmiSession session) {
    lock.lock();
    try {
      sessionsChanged.signalAll();
    } finally {
      lock.unlock();
    }
    log.debug("AMI session {} logged in", session.id());
  }

  void ended(AmiSession session) {
    lock.lock();
    try {
      if (sessions.remove(session)) {
        sessionsChanged.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private List<AmiSession> snapshot() {
    lock.lock();
    try {
      return List.copyOf(sessions);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends an event to every logged-in client that asked for events. A frozen PBX says nothing, so
   * events raised while frozen are lost.
   */
  public void broadcast(AmiMessage event) {
    sendToEventClients(event.toBytes());
  }

  /** Sends raw bytes (for instance a replayed capture) to every logged-in client with events. */
  public void sendToEventClients(byte[] bytes) {
    if (!gate.isOpen()) {
      log.debug("frozen: event dropped");
      return;
    }
    for (AmiSession s : snapshot()) {
      if (s.wantsEvents()) {
        s.send(bytes);
      }
    }
  }

  /** Logged-in clients now connected. */
  public int loggedInClients() {
    return (int) snapshot().stream().filter(AmiSession::loggedIn).count();
  }

  /** Waits up to {@code timeout} until exactly {@code count} clients are logged in. */
  public boolean awaitLoggedInClients(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (sessions.stream().filter(AmiSession::loggedIn).count() != count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        sessionsChanged.await(left, TimeUnit.NANOSECONDS);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Closes every client socket at once, as a crashed PBX or a cut network would. */
  public void dropAll() {
    log.info("Fault: dropping {} AMI connections", snapshot().size());
    snapshot().forEach(AmiSession::abort);
  }

  /** Stops reading and writing on every connection while keeping sockets open (half-open). */
  public void freeze() {
    log.info("Fault: AMI frozen");
    gate.close();
  }

  public void unfreeze() {
    log.info("AMI unfrozen");
    gate.open();
  }

  private volatile WriteTap tap;

  /**
   * Observes every packet as it leaves for a client's socket (after the flush), for benchmarks that
   * time the path from the PBX's socket to a screen; null removes it.
   */
  public void tapWrites(WriteTap newTap) {
    this.tap = newTap;
  }

  WriteTap tap() {
    return tap;
  }

  public boolean frozen() {
    return !gate.isOpen();
  }

  /** Runs {@code listener} when a restart begins (the PBX uses it to forget its channels). */
  public void onRestart(Runnable listener) {
    lock.lock();
    try {
      restartListeners.add(listener);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Restarts like {@code core restart now}: {@code Shutdown} (Cleanly, Restart True) to every
   * client, close, refuse connections for {@code downtime}, then listen again on the same port with
   * uptime reset.
   */
  public void restart(Duration downtime) {
    AmiMessage shutdown =
        AmiMessage.event("Shutdown")
            .add("Privilege", "system,all")
            .add("Shutdown", "Cleanly")
            .add("Restart", "True")
            .build();
    List<Runnable> hooks;
    Thread stopping;
    lock.lock();
    try {
      stopping = closeListener();
      hooks = List.copyOf(restartListeners);
    } finally {
      lock.unlock();
    }
    awaitStopped(stopping);
    log.info("Fault: AMI restart, down for {}", downtime);
    for (AmiSession s : snapshot()) {
      if (s.wantsEvents()) {
        s.sendThenClose(shutdown);
      } else {
        s.abort();
      }
    }
    hooks.forEach(Runnable::run);
    scheduler.schedule(
        downtime,
        () -> {
          lock.lock();
          try {
            if (!closed) {
              listen();
              log.info("Fake AMI back on port {}", boundPort);
            }
          } finally {
            lock.unlock();
          }
        });
  }

  /** Closes the listener (caller holds the lock); returns the acceptor to join outside it. */
  private Thread closeListener() {
    Thread stopping = acceptor;
    if (listener != null) {
      try {
        listener.close();
      } catch (IOException e) {
        log.debug("closing AMI listener", e);
      }
      listener = null;
      acceptor = null;
    }
    return stopping;
  }

  /**
   * Waits for the acceptor to leave accept(): a virtual thread blocked there releases the
   * descriptor only when it wakes up, and until then the kernel still accepts connections.
   */
  private static void awaitStopped(Thread stopping) {
    if (stopping == null) {
      return;
    }
    try {
      if (!stopping.join(Duration.ofSeconds(5))) {
        log.warn("AMI acceptor did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    Thread stopping;
    lock.lock();
    try {
      closed = true;
      stopping = closeListener();
    } finally {
      lock.unlock();
    }
    awaitStopped(stopping);
    gate.open();
    snapshot().forEach(AmiSession::abort);
  }
}
