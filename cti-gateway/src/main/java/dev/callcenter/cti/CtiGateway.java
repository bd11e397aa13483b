package dev.callcenter.cti;

import dev.callcenter.cti.ami.AmiClient;
import dev.callcenter.cti.ami.AmiEventTranslator;
import dev.callcenter.cti.ami.AmiSettings;
import dev.callcenter.cti.ami.NumberingConfig;
import dev.callcenter.cti.call.PbxCommandException;
import dev.callcenter.cti.call.PbxLinkStatus;
import dev.callcenter.cti.live.AgentRef;
import dev.callcenter.cti.live.AgentState;
import dev.callcenter.cti.live.AgentStatus;
import dev.callcenter.cti.live.CachedAgentDirectory;
import dev.callcenter.cti.live.CallView;
import dev.callcenter.cti.live.LiveState;
import dev.callcenter.cti.live.QueueFigures;
import dev.callcenter.cti.pop.AgentNotifier;
import dev.callcenter.cti.pop.CtiCoordinator;
import dev.callcenter.cti.pop.CtiMessage;
import dev.callcenter.cti.pop.PopSection;
import dev.callcenter.cti.pop.ScreenPopComposer;
import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.agent.AgentDeviceService;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketSlaService;
import dev.callcenter.helpdesk.timeline.TimelineService;
import java.time.Clock;
import java.time.Duration;
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
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The CTI gateway: the AMI connection, the live state of calls and agents, screen pops and call
 * logging, and the commands agents and supervisors give the PBX.
 */
public final class CtiGateway implements AutoCloseable {

  /**
   * The gateway's settings.
   *
   * @param zone the call center's time zone (queue figures reset at its midnight)
   * @param wrapUp wrap-up after a queue call; match the queues' {@code wrapuptime}
   * @param serviceLevelSeconds answered within this many seconds counts toward the service level
   * @param originateContext the dialplan context click-to-call dials the customer in
   * @param transferContext the dialplan context transfers are sent to (queues and extensions)
   * @param callbackDue how soon a callback for a missed call is due
   */
  public record Settings(
      AmiSettings ami,
      NumberingConfig numbering,
      ZoneId zone,
      Duration wrapUp,
      int serviceLevelSeconds,
      String originateContext,
      String transferContext,
      Duration callbackDue) {}

  /** The helpdesk services the gateway reads and writes. */
  public record Services(
      AgentDeviceService devices,
      CustomerService customers,
      TimelineService timeline,
      TicketService tickets,
      TicketSlaService sla,
      FollowUpService followUps,
      InteractionService interactions) {}

  private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9*#]{2,32}");
  private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_.+*#-]{1,80}");

  private final Settings settings;
  private final Services services;
  private final CachedAgentDirectory directory;
  private final LiveState state;
  private final CtiCoordinator coordinator;
  private final AmiClient ami;
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("cti-tick").daemon().factory());

  public CtiGateway(
      Settings settings,
      Services services,
      AgentNotifier notifier,
      List<PopSection> popSections,
      LongSupplier callbackOwner,
      Clock clock) {
    this.settings = settings;
    this.services = services;
    this.directory = new CachedAgentDirectory(services.devices()).reload();
    ScreenPopComposer composer =
        new ScreenPopComposer(
            services.customers(),
            services.timeline(),
            services.tickets(),
            services.sla(),
            services.followUps(),
            popSections,
            clock);
    this.coordinator =
        new CtiCoordinator(
            directory,
            composer,
            services.interactions(),
            services.followUps(),
            notifier,
            work,
            clock,
            callbackOwner,
            settings.callbackDue());
    this.state =
        new LiveState(
            directory,
            coordinator,
            clock,
            settings.zone(),
            settings.wrapUp(),
            settings.serviceLevelSeconds());
    this.ami =
        new AmiClient(
            settings.ami(), new AmiEventTranslator(settings.numbering(), clock), state, clock);
  }

  public CtiGateway start() {
    ami.start();
    ticker.scheduleWithFixedDelay(state::tick, 1, 1, TimeUnit.SECONDS);
    ticker.scheduleWithFixedDelay(state::publishQueues, 200, 200, TimeUnit.MILLISECONDS);
    return this;
  }

  public PbxLinkStatus link() {
    return ami.status();
  }

  /** Re-reads agents' devices (after an administrator changed one) and resyncs with the PBX. */
  public void reloadAgents() {
    directory.reload();
    ami.requestResync();
  }

  // ------------------------------------------------------------------ reads

  public AgentStatus agentState(long userId) {
    return state.agent(userId).orElseThrow(() -> noDevice(userId));
  }

  public List<AgentStatus> agents() {
    return state.agents();
  }

  public List<QueueFigures> queues() {
    return state.queues();
  }

  /** What a (re)connecting screen needs: the agent's state and the pop of their current call. */
  public List<CtiMessage> currentFor(long userId, boolean supervisor) {
    List<CtiMessage> messages = new ArrayList<>();
    java.time.Instant now = java.time.Instant.now();
    state.agent(userId).ifPresent(s -> messages.add(new CtiMessage("agent-state", now, s)));
    messages.addAll(coordinator.currentFor(userId));
    if (supervisor) {
      state.agents().forEach(s -> messages.add(new CtiMessage("agent-state", now, s)));
      state.queues().forEach(q -> messages.add(new CtiMessage("queue-stats", now, q)));
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
    List<CompletableFuture<Void>> steps = new ArrayList<>();
    switch (target) {
      case AVAILABLE, PAUSED -> {
        boolean paused = target == AgentState.PAUSED;
        for (String queue : agent.queues()) {
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
            target == AgentState.LOGGED_OUT ? List.of() : agent.queues());
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
        .thenApply(done -> requested);
  }

  /**
   * Click-to-call: rings the agent's phone and, when they pick up, dials {@code number}; logged as
   * an outbound interaction on the customer (the one given, else the one the number identifies).
   */
  public CompletableFuture<Interaction> call(long userId, String number, Long customerId) {
    AgentRef agent = directory.byUser(userId).orElseThrow(() -> noDevice(userId));
    String dial = Fields.required("number", number, 40).replaceAll("[\\s().-]", "");
    if (!DIALABLE.matcher(dial).matches()) {
      throw new ValidationException("number", "must be a phone number (digits, optional +)");
    }
    Long customer = customerId;
    if (customer == null) {
      CallerLookup lookup = services.customers().lookup(dial);
      customer =
          lookup.result() == CallerLookup.Result.KNOWN ? lookup.customers().getFirst().id() : null;
    }
    String channelId = "cc-" + UUID.randomUUID();
    Long finalCustomer = customer;
    return ami.originate(
            agent.agentInterface(),
            settings.originateContext(),
            dial,
            "\"" + agent.displayName().replace("\"", "") + "\" <" + dial + ">",
            channelId,
            Map.of("CC_AGENT", agent.username()))
        .thenApplyAsync(
            accepted ->
                services
                    .interactions()
                    .record(
                        new InteractionDraft(
                            finalCustomer,
                            Channel.PHONE_OUT,
                            Direction.OUTBOUND,
                            null,
                            null,
                            "Click-to-call " + dial,
                            new CallDetails(
                                channelId, channelId, null, dial, null, null, null, null, null,
                                null, null)),
                        userId),
            work);
  }

  /**
   * Sends the caller of the agent's current call to {@code target} (a queue or an extension in the
   * transfer context) with {@code Redirect}.
   */
  public CompletableFuture<CallView> transfer(long userId, String target) {
    AgentRef agent = directory.byUser(userId).orElseThrow(() -> noDevice(userId));
    String to = Fields.required("target", target, 80);
    if (!TARGET.matcher(to).matches()) {
      throw new ValidationException("target", "must be a queue name or an extension");
    }
    CallView call =
        state
            .currentCall(agent.agentInterface())
            .filter(c -> c.answered() && c.channel() != null)
            .orElseThrow(
                () -> new ConflictException("no_call", agent.username() + " is not on a call"));
    return ami.redirect(call.channel(), settings.transferContext(), to).thenApply(ok -> call);
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
