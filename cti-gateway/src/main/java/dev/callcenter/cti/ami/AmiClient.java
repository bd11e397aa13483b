package dev.callcenter.cti.ami;

import dev.callcenter.cti.call.PbxBooted;
import dev.callcenter.cti.call.PbxCommandException;
import dev.callcenter.cti.call.PbxEvent;
import dev.callcenter.cti.call.PbxEventSink;
import dev.callcenter.cti.call.PbxLink;
import dev.callcenter.cti.call.PbxLinkStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's hold on Asterisk's AMI: two Asterisk-Java {@link ManagerConnection}s, one for
 * events and one, logged in with events off, for commands, so a flood of events can never delay a
 * command's answer.
 *
 * <p>Asterisk-Java's listener only hands the events a CTI server uses to a bounded queue; one
 * consumer thread translates them and feeds the {@link PbxEventSink}. When the queue is full the
 * event is dropped, counted, logged once per burst, and the state is rebuilt from {@code
 * QueueStatus} and {@code CoreShowChannels} (a {@link dev.callcenter.cti.call.PbxSnapshot}) — never
 * silently lost. The same rebuild runs after every (re)connect and after {@code FullyBooted}.
 *
 * <p>Each connection has its own supervisor thread: it logs in (retrying with exponential backoff,
 * also when the PBX is down at start), pings, treats a connection that reads nothing for {@code
 * readTimeout} or leaves a ping unanswered as dead, and reconnects with backoff. A dead connection
 * is logged off, which also stops Asterisk-Java's own reconnect loop, and replaced by a new one.
 */
public final class AmiClient implements PbxLink {
  private static final Logger log = LoggerFactory.getLogger(AmiClient.class);

  /**
   * Every event the gateway takes in, as Asterisk-Java parsed it, at DEBUG: off in production, on
   * to capture a PBX's real traffic for a simulator replay.
   */
  private static final Logger eventLog = LoggerFactory.getLogger("dev.callcenter.cti.ami.events");

  /** The events handed to the consumer; everything else (Newexten, RTCP, Dial…) stops here. */
  private static final Set<Class<? extends ManagerEvent>> QUEUED =
      Set.of(
          NewChannelEvent.class,
          QueueCallerJoinEvent.class,
          AgentCalledEvent.class,
          AgentConnectEvent.class,
          AgentRingNoAnswerEvent.class,
          QueueCallerAbandonEvent.class,
          AgentCompleteEvent.class,
          HangupEvent.class,
          HoldEvent.class,
          UnholdEvent.class,
          QueueMemberAddedEvent.class,
          QueueMemberRemovedEvent.class,
          QueueMemberPauseEvent.class,
          QueueMemberStatusEvent.class,
          ShutdownEvent.class,
          FullyBootedEvent.class,
          // a phone dialled outside a queue (transfer to an extension): pop and leg
          DialBeginEvent.class,
          DialEndEvent.class,
          // who hung up a dialled leg
          HangupRequestEvent.class,
          // a click-to-call's phone answered or not
          OriginateResponseEvent.class,
          // the sample dialplan's recording reference
          CcRecordingEvent.class);

  /**
   * Registered explicitly on every connection, because Asterisk-Java's classpath scan can find no
   * event classes in a packaged jar: the queued events, {@code VarSet} (recordings), and the
   * answers to the list actions.
   */
  static final List<Class<? extends ManagerEvent>> EVENT_CLASSES =
      Stream.concat(
              QUEUED.stream(),
              Stream.of(
                  VarSetEvent.class,
                  QueueParamsEvent.class,
                  QueueMemberEvent.class,
                  QueueEntryEvent.class,
                  QueueStatusCompleteEvent.class,
                  CoreShowChannelEvent.class,
                  CoreShowChannelsCompleteEvent.class))
          .toList();

  private static final Object LINK_DOWN = new Object();

  private final AmiSettings settings;
  private final AmiEventTranslator translator;
  private volatile PbxEventSink sink;
  private final Clock clock;
  private final BlockingQueue<Queued> queue;
  private final Link events;
  private final Link commands;
  private final Thread consumer;
  private final ScheduledExecutorService pinger;
  private final ExecutorService resyncer;
  private final ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean resyncPending = new AtomicBoolean();
  private final AtomicBoolean overflowing = new AtomicBoolean();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong dropsInBurst = new AtomicLong();
  private final AtomicLong maxLagNanos = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong resyncs = new AtomicLong();
  private volatile boolean closed;

  private record Queued(Object item, long enqueuedNanos) {}

  public AmiClient(AmiSettings settings, AmiEventTranslator translator, Clock clock) {
    this.settings = settings;
    this.translator = translator;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.events = new Link("events", null);
    this.commands = new Link("commands", "off");
    this.consumer = Thread.ofPlatform().name("cti-ami-consumer").daemon().unstarted(this::consume);
    this.pinger =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cti-ami-ping").daemon().factory());
    this.resyncer =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("cti-ami-resync").daemon().factory());
  }

  /** Starts connecting in the background; the PBX may be down, it is retried. */
  @Override
  public void start(PbxEventSink sink) {
    if (this.sink != null) {
      throw new IllegalStateException("the AMI client is started already");
    }
    this.sink = sink;
    consumer.start();
    events.start();
    commands.start();
    long ping = settings.pingInterval().toMillis();
    pinger.scheduleWithFixedDelay(
        () -> {
          events.ping();
          commands.ping();
        },
        ping,
        ping,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public PbxLinkStatus status() {
    return new PbxLinkStatus(
        events.up ? "UP" : (events.everUp ? "DOWN" : "CONNECTING"),
        commands.up,
        events.since,
        received.get(),
        queued.get(),
        dropped.get(),
        queue.size(),
        TimeUnit.NANOSECONDS.toMillis(maxLagNanos.get()),
        reconnects.get(),
        resyncs.get(),
        events.failure,
        events.failureDetail,
        events.failureAt);
  }

  /** A stable code for why a connect attempt failed. */
  static String failureCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationFailedException) {
        return "authentication_failed";
      }
      if (t instanceof java.net.ConnectException) {
        return "refused";
      }
      if (t instanceof java.net.UnknownHostException) {
        return "unknown_host";
      }
      if (t instanceof java.net.SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof org.asteriskjava.manager.TimeoutException) {
        return "timed_out";
      }
    }
    return "error";
  }

  /** Rebuilds state from the PBX as soon as possible (coalesced with a pending rebuild). */
  @Override
  public void requestResync() {
    if (resyncPending.compareAndSet(false, true)) {
      resyncer.execute(this::resync);
    }
  }

  // ---------------------------------------------------------------- events

  /** On Asterisk-Java's event thread: no blocking, no I/O, just the hand-off. */
  private void onEvent(ManagerEvent event) {
    received.incrementAndGet();
    boolean wanted =
        QUEUED.contains(event.getClass())
            || (event instanceof VarSetEvent v
                && AmiEventTranslator.isRecordingVariable(v.getVariable()));
    if (!wanted) {
      return;
    }
    if (queue.offer(new Queued(event, System.nanoTime()))) {
      queued.incrementAndGet();
      return;
    }
    dropped.incrementAndGet();
    dropsInBurst.incrementAndGet();
    if (overflowing.compareAndSet(false, true)) {
      log.warn(
          "AMI event queue full ({} events): dropping events and rebuilding state from the PBX",
          settings.queueCapacity());
      requestResync();
    }
  }

  private void consume() {
    while (!closed) {
      Queued next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      long lag = System.nanoTime() - next.enqueuedNanos();
      maxLagNanos.accumulateAndGet(lag, Math::max);
      if (queue.isEmpty() && overflowing.compareAndSet(true, false)) {
        log.warn("AMI event queue drained; {} events were dropped", dropsInBurst.getAndSet(0));
      }
      try {
        handle(next.item());
      } catch (RuntimeException e) {
        log.error("Failed to process PBX event {}", next.item(), e);
      }
    }
  }

  private void handle(Object item) {
    switch (item) {
      case FullyBootedEvent booted -> {
        requestResync();
        sink.accept(
            new PbxBooted(
                clock.instant(),
                Duration.ofSeconds(booted.getUptime() == null ? 0 : booted.getUptime())));
      }
      case ManagerEvent event -> {
        if (eventLog.isDebugEnabled()) {
          eventLog.debug("{}", event);
        }
        translator.translate(event).ifPresent(sink::accept);
      }
      case PbxEvent snapshot -> sink.accept(snapshot);
      default -> {
        if (item == LINK_DOWN) {
          sink.linkDown();
        }
      }
    }
  }

  /**
   * Reads {@code QueueStatus} and {@code CoreShowChannels} over the command connection (an event
   * flood cannot delay it) and queues the snapshot behind the events already received. Events older
   * than the snapshot that are applied after it converge to the same state (the last event before
   * it describes what it shows); the snapshot restores what was lost. A failed read is retried.
   */
  private void resync() {
    resyncPending.set(false);
    ManagerConnection c = commands.up ? commands.connection : events.connection;
    if (c == null || closed || !events.up) {
      return; // the next login resyncs
    }
    long timeout = settings.responseTimeout().toMillis() * 2;
    try {
      List<ManagerEvent> answers = new ArrayList<>();
      Instant requestedAt = clock.instant();
      ResponseEvents members = c.sendEventGeneratingAction(new QueueStatusAction(), timeout);
      answers.addAll(members.getEvents());
      ResponseEvents channels = c.sendEventGeneratingAction(new CoreShowChannelsAction(), timeout);
      answers.addAll(channels.getEvents());
      resyncs.incrementAndGet();
      queue.put(new Queued(translator.snapshot(answers, requestedAt), System.nanoTime()));
      log.info(
          "Rebuilt PBX state: {} queue entries and channels",
          members.getEvents().size() + channels.getEvents().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!closed) {
        log.warn("Could not rebuild PBX state ({}); retrying in 1 s", e.toString());
        pinger.schedule(this::requestResync, 1, TimeUnit.SECONDS);
      }
    }
  }

  // ---------------------------------------------------------------- commands

  @Override
  public CompletableFuture<Void> queueAdd(
      String queueName, String agentInterface, String memberName, boolean paused, String reason) {
    QueueAddAction a = new QueueAddAction(queueName, agentInterface);
    a.setMemberName(memberName);
    a.setPaused(paused);
    if (paused && reason != null) {
      a.setReason(reason);
    }
    return run(a);
  }

  @Override
  public CompletableFuture<Void> queueRemove(String queueName, String agentInterface) {
    return run(new QueueRemoveAction(queueName, agentInterface));
  }

  @Override
  public CompletableFuture<Void> queuePause(
      String queueName, String agentInterface, boolean paused, String reason) {
    QueuePauseAction a = new QueuePauseAction(agentInterface, queueName, paused);
    if (reason != null) {
      a.setReason(reason);
    }
    return run(a);
  }

  @Override
  public CompletableFuture<Void> originate(
      String channel,
      String context,
      String exten,
      String callerId,
      String channelId,
      Map<String, String> variables) {
    OriginateAction a = new OriginateAction();
    a.setChannel(channel);
    a.setContext(context);
    a.setExten(exten);
    a.setPriority(1);
    a.setCallerId(callerId);
    a.setAsync(true);
    a.setTimeout(30_000L);
    if (channelId != null) {
      a.setChannelId(channelId);
    }
    if (!variables.isEmpty()) {
      a.setVariables(Map.copyOf(variables));
    }
    return run(a);
  }

  @Override
  public CompletableFuture<Void> redirect(String channel, String context, String exten) {
    return run(new RedirectAction(channel, context, exten, 1));
  }

  @Override
  public CompletableFuture<Void> hangup(String channel) {
    return run(new HangupAction(channel));
  }

  /**
   * Sends a command over the command connection, or over the event connection while the command
   * connection is being re-established (its answer may then queue behind events, but it is not
   * refused).
   */
  private CompletableFuture<Void> run(ManagerAction action) {
    return send(commands.up || !events.up ? commands : events, action).thenApply(r -> null);
  }

  private CompletableFuture<ManagerResponse> send(Link link, ManagerAction action) {
    String name = action.getAction();
    ManagerConnection c = link.connection;
    if (c == null || !link.up) {
      return CompletableFuture.failedFuture(
          new PbxCommandException(
              name, "unavailable", "The phone system is not connected; try again in a moment."));
    }
    CompletableFuture<ManagerResponse> answer = new CompletableFuture<>();
    try {
      // The callback runs on Asterisk-Java's thread: complete elsewhere so nothing chained to the
      // answer ever runs there.
      c.sendAction(action, r -> callbacks.execute(() -> answer.complete(r)));
    } catch (Exception e) {
      return CompletableFuture.failedFuture(
          new PbxCommandException(
              name, "unavailable", "The phone system is not connected; try again in a moment."));
    }
    return answer
        .orTimeout(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (r, failure) -> {
              if (failure instanceof TimeoutException) {
                throw new PbxCommandException(
                    name, "timeout", "The phone system did not answer " + name + " in time.");
              }
              if (failure != null) {
                throw new PbxCommandException(name, "unavailable", failure.toString());
              }
              if (r instanceof ManagerError || !"Success".equalsIgnoreCase(r.getResponse())) {
                String message = r.getMessage() == null ? "no reason given" : r.getMessage();
                throw new PbxCommandException(
                    name, "rejected", "The phone system refused " + name + ": " + message);
              }
              return r;
            });
  }

  @Override
  public void close() {
    closed = true;
    pinger.shutdownNow();
    resyncer.shutdownNow();
    events.close();
    commands.close();
    consumer.interrupt();
    callbacks.shutdown();
  }

  // ---------------------------------------------------------------- connections

  /** One supervised AMI connection. */
  private final class Link {
    private final String name;
    private final String eventMask;
    private final Thread supervisor;
    private final Object signal = new Object();
    private volatile ManagerConnection connection;
    private volatile boolean up;
    private volatile boolean everUp;
    private volatile Instant since;
    private volatile long lastAnswerNanos;
    private volatile String failure;
    private volatile String failureDetail;
    private volatile Instant failureAt;
    private boolean down;
    private long failures;

    Link(String name, String eventMask) {
      this.name = name;
      this.eventMask = eventMask;
      this.since = clock.instant();
      this.supervisor =
          Thread.ofPlatform().name("cti-ami-" + name).daemon().unstarted(this::supervise);
    }

    void start() {
      supervisor.start();
    }

    private void supervise() {
      long backoff = settings.reconnectMin().toMillis();
      while (!closed) {
        ManagerConnection c =
            new ManagerConnectionFactory(
                    settings.host(), settings.port(), settings.username(), settings.secret())
                .createManagerConnection();
        c.setSocketTimeout((int) Math.min(settings.readTimeout().toMillis(), 5_000));
        c.setSocketReadTimeout((int) settings.readTimeout().toMillis());
        EVENT_CLASSES.forEach(c::registerUserEventClass);
        c.addEventListener(e -> onConnectionEvent(c, e));
        synchronized (signal) {
          down = false;
        }
        try {
          if (eventMask == null) {
            c.login();
          } else {
            c.login(eventMask);
          }
          lastAnswerNanos = System.nanoTime();
          connection = c;
          up = true;
          since = clock.instant();
          if (everUp) {
            reconnects.incrementAndGet();
            log.info("AMI {} connection to {}:{} restored", name, settings.host(), settings.port());
          } else {
            log.info("AMI {} connection to {}:{} up", name, settings.host(), settings.port());
          }
          everUp = true;
          failures = 0;
          backoff = settings.reconnectMin().toMillis();
          if (this == events) {
            requestResync();
          }
          awaitDown();
        } catch (Exception e) {
          failures++;
          // The first failure and every tenth are warnings; the rest would only flood the log.
          String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          failed(failureCode(e), why);
          if (failures == 1 || failures % 10 == 0) {
            log.warn(
                "AMI {} connection to {}:{} failed ({} attempts): {}; retrying with backoff",
                name,
                settings.host(),
                settings.port(),
                failures,
                why);
          } else {
            log.debug("AMI {} connection attempt {} failed: {}", name, failures, why);
          }
        }
        boolean wasUp = up;
        up = false;
        connection = null;
        discard(c);
        if (closed) {
          return;
        }
        if (wasUp) {
          since = clock.instant();
          if (this == events) {
            enqueueLinkDown();
          }
        } else {
          pause(backoff);
          backoff = Math.min(backoff * 2, settings.reconnectMax().toMillis());
        }
      }
    }

    /** On Asterisk-Java's thread: only signals. */
    private void onConnectionEvent(ManagerConnection c, ManagerEvent e) {
      if (c != connection && connection != null) {
        return; // a discarded connection's last words
      }
      lastAnswerNanos = System.nanoTime();
      if (e instanceof DisconnectEvent) {
        markDown("connection lost");
        return;
      }
      if (this == events) {
        onEvent(e);
      }
    }

    void ping() {
      ManagerConnection c = connection;
      if (!up || c == null) {
        return;
      }
      long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastAnswerNanos);
      if (silentMillis > settings.readTimeout().toMillis()) {
        markDown("nothing received for " + silentMillis + " ms");
        return;
      }
      try {
        c.sendAction(new PingAction(), r -> lastAnswerNanos = System.nanoTime());
      } catch (Exception e) {
        markDown("ping failed: " + e.getMessage());
      }
    }

    private void failed(String code, String detail) {
      failure = code;
      failureDetail = detail;
      failureAt = clock.instant();
    }

    private void markDown(String why) {
      synchronized (signal) {
        if (!down) {
          down = true;
          failed(why.startsWith("nothing received") ? "no_answer" : "connection_lost", why);
          if (up) {
            log.warn(
                "AMI {} connection to {}:{} down: {}", name, settings.host(), settings.port(), why);
          }
          signal.notifyAll();
        }
      }
    }

    private void awaitDown() throws InterruptedException {
      synchronized (signal) {
        while (!down && !closed) {
          signal.wait();
        }
      }
    }

    /** Waits before the next connect attempt; {@link #close()} cuts it short. */
    private void pause(long millis) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      synchronized (signal) {
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(signal, left);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }

    /** Logs off in the background: also stops Asterisk-Java's own reconnect loop. */
    private void discard(ManagerConnection c) {
      Thread.ofVirtual()
          .name("cti-ami-logoff")
          .start(
              () -> {
                try {
                  c.logoff();
                } catch (RuntimeException e) {
                  log.debug("Logoff of a dead AMI connection: {}", e.toString());
                }
              });
    }

    void close() {
      synchronized (signal) {
        signal.notifyAll();
      }
      ManagerConnection c = connection;
      if (c != null) {
        try {
          c.logoff();
        } catch (RuntimeException e) {
          log.debug("AMI logoff on close: {}", e.toString());
        }
      }
    }
  }

  private void enqueueLinkDown() {
    if (!queue.offer(new Queued(LINK_DOWN, System.nanoTime()))) {
      requestResync();
    }
  }
}
