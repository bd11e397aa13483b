package dev.callcenter.cti;

import dev.callcenter.cti.ami.AmiClient;
import dev.callcenter.cti.ami.AmiEventTranslator;
import dev.callcenter.cti.ami.AmiSettings;
import dev.callcenter.cti.ami.NumberingConfig;
import dev.callcenter.cti.call.PbxCommandException;
import dev.callcenter.cti.call.PbxLink;
import dev.callcenter.cti.call.PbxLinkStatus;
import dev.callcenter.cti.calllog.CallLog;
import dev.callcenter.cti.calllog.ClickToCalls;
import dev.callcenter.cti.live.AgentRef;
import dev.callcenter.cti.live.AgentState;
import dev.callcenter.cti.live.AgentStatus;
import dev.callcenter.cti.live.CachedAgentDirectory;
import dev.callcenter.cti.live.CallView;
import dev.callcenter.cti.live.LiveState;
import dev.callcenter.cti.live.MembershipRestorer;
import dev.callcenter.cti.live.QueueFigures;
import dev.callcenter.cti.pop.AgentNotifier;
import dev.callcenter.cti.pop.CtiCoordinator;
import dev.callcenter.cti.pop.PopSection;
import dev.callcenter.cti.pop.ScreenPopComposer;
import dev.callcenter.cti.push.AgentStateMessage;
import dev.callcenter.cti.push.LiveMessage;
import dev.callcenter.cti.push.QueueStatsMessage;
import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CTI gateway: the AMI connection, the live state of calls and agents, screen pops and call
 * logging, and the commands agents and supervisors give the PBX.
 */
public final class CtiGateway implements CtiService, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CtiGateway.class);

  /**
   * The gateway's settings.
   *
   * @param zone the call center's time zone (queue figures reset at its midnight)
   * @param wrapUp wrap-up after a queue call; match the queues' {@code wrapuptime}
   * @param serviceLevelSeconds answered within this many seconds counts toward the service level
   * @param originateContext the dialplan context click-to-call dials the customer in
   * @param transferContext the dialplan context transfers are sent to (queues and extensions)
   * @param callbackDue how soon a callback for a missed call is due
   * @param callbackOwner username of the owner of callbacks for missed calls; empty for none
   */
  public record Settings(
      AmiSettings ami,
      NumberingConfig numbering,
      ZoneId zone,
      Duration wrapUp,
      int serviceLevelSeconds,
      String originateContext,
      String transferContext,
      Duration callbackDue,
      String callbackOwner) {}

  private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9*#]{2,32}");
  private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_.+*#-]{1,80}");

  private final Settings settings;
  private final Helpdesk helpdesk;
  private final CachedAgentDirectory directory;
  private final LiveState state;
  private final CtiCoordinator coordinator;
  private final PbxLink ami;
  private final Clock clock;
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final ClickToCalls events;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("cti-tick").daemon().factory());

  /**
   * The gateway over Asterisk's AMI as configured in {@code settings}; not connected until {@link
   * #start}.
   */
  public static CtiGateway overAmi(
      Settings settings,
      Helpdesk helpdesk,
      AgentNotifier notifier,
      List<PopSection> popSections,
      Clock clock) {
    return new CtiGateway(
        settings,
        helpdesk,
        new AmiClient(settings.ami(), new AmiEventTranslator(settings.numbering(), clock), clock),
        notifier,
        popSections,
        clock);
  }

  /**
   * @param pbx the PBX connection; the gateway starts and closes it
   * @param notifier delivers the gateway's messages to people
   * @param popSections extra parts of the screen pop (IVR path, knowledge base…)
   */
  public CtiGateway(
      Settings settings,
      Helpdesk helpdesk,
      PbxLink pbx,
      AgentNotifier notifier,
      List<PopSection> popSections,
      Clock clock) {
    this.settings = settings;
    this.helpdesk = helpdesk;
    this.directory = new CachedAgentDirectory(helpdesk.agentDevices()).reload();
    ScreenPopComposer composer =
        new ScreenPopComposer(
            helpdesk.customers(),
            helpdesk.timeline(),
            helpdesk.tickets(),
            helpdesk.sla(),
            helpdesk.followUps(),
            popSections,
            clock);
    String owner = settings.callbackOwner();
    this.coordinator =
        new CtiCoordinator(
            composer,
            new CallLog(
                directory,
                helpdesk.interactions(),
                helpdesk.followUps(),
                () ->
                    owner == null || owner.isEmpty()
                        ? 0
                        : helpdesk
                            .users()
                            .findCredentials(owner)
                            .map(u -> u.user().id())
                            .orElse(0L),
                settings.callbackDue(),
                helpdesk.reportFacts(),
                clock),
            notifier,
            work,
            clock);
    this.state =
        new LiveState(
            directory,
            coordinator,
            clock,
            settings.zone(),
            settings.wrapUp(),
            settings.serviceLevelSeconds());
    this.ami = pbx;
    this.clock = clock;
    // In front of the live state: puts agents back into their queues after an Asterisk restart,
    // and closes click-to-call interactions when their channel hangs up.
    this.events =
        new ClickToCalls(
            new MembershipRestorer(state, directory, pbx, clock), helpdesk.interactions(), work);
  }

  public CtiGateway start() {
    ami.start(events);
    ticker.scheduleWithFixedDelay(state::tick, 1, 1, TimeUnit.SECONDS);
    ticker.scheduleWithFixedDelay(state::publishQueues, 200, 200, TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public PbxLinkStatus link() {
    return ami.status();
  }

  /** Re-reads agents' devices (after an administrator changed one) and resyncs with the PBX. */
  @Override
  public void reloadAgents() {
    directory.reload();
    ami.requestResync();
  }

  // ------------------------------------------------------------------ reads

  @Override
  public AgentStatus agentState(long userId) {
    return state.agent(userId).orElseThrow(() -> noDevice(userId));
  }

  @Override
  public List<AgentStatus> agents() {
    return state.agents();
  }

  @Override
  public List<QueueFigures> queues() {
    return state.queues();
  }

  /** What a (re)connecting screen needs: the agent's state and the pop of their current call. */
  @Override
  public List<LiveMessage> currentFor(long userId, boolean supervisor) {
    List<LiveMessage> messages = new ArrayList<>();
    Instant now = clock.instant();
    state.agent(userId).ifPresent(s -> messages.add(new AgentStateMessage(now, s)));
    messages.addAll(coordinator.currentFor(userId));
    if (supervisor) {
      state.agents().forEach(s -> messages.add(new AgentStateMessage(now, s)));
      state.queues().forEach(q -> messages.add(new QueueStatsMessage(now, q)));
    }
    return messages;
  }

  // ------------------------------------------------------------------ commands

  /**
   * Makes the agent available, paused (with a reason) or logged out in all their queues, through
   * {@code QueueAdd}, {@code QueuePause} and {@code QueueRemove}. Completes when the PBX accepted
   * every command; fails with {@link PbxCommandException} when it refused one.
   *
   * @return the agent's state as requested (the PBX's events confirm it on the WebSocket)
   */
  @Override
  public CompletableFuture<AgentStatus> setAgentState(
      long userId, AgentState target, String reason) {
    AgentRef agent = directory.byUser(userId).orElseThrow(() -> noDevice(userId));
    String why = Fields.optional("reason", reason, 80);
    if (target != AgentState.AVAILABLE
        && target != AgentState.PAUSED
        && target != AgentState.LOGGED_OUT) {
      throw new ValidationException("state", "must be available, paused or logged-out");
    }
    if (agent.queues().isEmpty() && target != AgentState.LOGGED_OUT) {
      throw new ConflictException(
          "no_queues", agent.username() + " is not configured for any queue");
    }
    Set<String> member = state.queuesOf(agent.agentInterface());
    // Every queue the agent is configured for (joined if missing) and every queue the PBX has them
    // in: an admin may have shrunk the list mid-shift, and a pause that misses a queue rings on.
    Set<String> queues = new java.util.TreeSet<>(agent.queues());
    queues.addAll(member);
    List<CompletableFuture<Void>> steps = new ArrayList<>();
    switch (target) {
      case AVAILABLE, PAUSED -> {
        boolean paused = target == AgentState.PAUSED;
        for (String queue : queues) {
          steps.add(
              member.contains(queue)
                  ? ami.queuePause(queue, agent.agentInterface(), paused, paused ? why : null)
                  : ami.queueAdd(
                      queue,
                      agent.agentInterface(),
                      agent.displayName(),
                      paused,
                      paused ? why : null));
        }
      }
      default -> {
        for (String queue : member) {
          steps.add(ami.queueRemove(queue, agent.agentInterface()));
        }
      }
    }
    AgentStatus now = agentState(userId);
    AgentStatus requested =
        new AgentStatus(
            now.userId(),
            now.username(),
            now.displayName(),
            now.agentInterface(),
            target,
            target == AgentState.PAUSED ? why : null,
            now.callId(),
            now.since(),
            target == AgentState.LOGGED_OUT ? List.of() : List.copyOf(queues));
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
        .thenApply(done -> requested);
  }

  /**
   * Click-to-call: rings the agent's phone and, when they pick up, dials {@code number}; logged as
   * an outbound interaction on the customer (the one given, else the one the number identifies).
   */
  @Override
  public CompletableFuture<Interaction> call(long userId, String number, Long customerId) {
    AgentRef agent = directory.byUser(userId).orElseThrow(() -> noDevice(userId));
    String dial = Fields.required("number", number, 40).replaceAll("[\\s().-]", "");
    if (!DIALABLE.matcher(dial).matches()) {
      throw new ValidationException("number", "must be a phone number (digits, optional +)");
    }
    Long customer = customerId;
    if (customer == null) {
      CallerLookup lookup = helpdesk.customers().lookup(dial);
      customer =
          lookup.result() == CallerLookup.Result.KNOWN ? lookup.customers().getFirst().id() : null;
    }
    String channelId = "cc-" + UUID.randomUUID();
    Long finalCustomer = customer;
    events.placing(channelId, agent.agentInterface(), dial, clock.instant());
    return ami.originate(
            agent.agentInterface(),
            settings.originateContext(),
            dial,
            "\"" + agent.displayName().replace("\"", "") + "\" <" + dial + ">",
            channelId,
            Map.of("CC_AGENT", agent.username()))
        .whenComplete(
            (answered, failure) -> {
              if (failure != null) {
                events.refused(channelId);
              }
            })
        .thenApplyAsync(
            accepted -> {
              // Asterisk queued the originate; OriginateResponse later says if the phone answered.
              Interaction logged =
                  helpdesk
                      .interactions()
                      .record(
                          new InteractionDraft(
                              finalCustomer,
                              Channel.PHONE_OUT,
                              Direction.OUTBOUND,
                              clock.instant(),
                              null,
                              "Click-to-call " + dial,
                              new CallDetails(
                                  channelId, channelId, null, dial, null, null, null, null, null,
                                  null, null)),
                          userId);
              events.recorded(channelId, logged.id());
              return logged;
            },
            work);
  }

  /**
   * Sends the caller of the agent's current call to {@code target} (a queue or an extension in the
   * transfer context) with {@code Redirect}. The call is marked as being transferred first, so the
   * hang-up of the agent's channel that the Redirect causes ends their leg (ADR 0016); a refused
   * Redirect takes the mark back.
   */
  @Override
  public CompletableFuture<CallView> transfer(long userId, String target) {
    AgentRef agent = directory.byUser(userId).orElseThrow(() -> noDevice(userId));
    String to = Fields.required("target", target, 80);
    if (!TARGET.matcher(to).matches()) {
      throw new ValidationException("target", "must be a queue name or an extension");
    }
    CallView call =
        state
            .startTransfer(agent.agentInterface())
            .orElseThrow(
                () -> new ConflictException("no_call", agent.username() + " is not on a call"));
    log.info("{} transfers call {} to {}", agent.username(), call.callId(), to);
    return ami.redirect(call.channel(), settings.transferContext(), to)
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                state.transferFailed(call.callId(), agent.agentInterface());
              }
            })
        .thenApply(ok -> call);
  }

  private static ConflictException noDevice(long userId) {
    return new ConflictException(
        "no_device",
        "This user has no phone device; an administrator must assign one first",
        Map.of("userId", userId));
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    ami.close();
    work.shutdown();
  }
}
