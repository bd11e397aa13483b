package dev.callcenter.helpdesk.assembly;

import dev.callcenter.helpdesk.agent.AgentDeviceService;
import dev.callcenter.helpdesk.agent.JdbiAgentDeviceRepository;
import dev.callcenter.helpdesk.assignment.AssignmentService;
import dev.callcenter.helpdesk.assignment.JdbiAssignmentRepository;
import dev.callcenter.helpdesk.assignment.JdbiTeamRepository;
import dev.callcenter.helpdesk.assignment.TeamService;
import dev.callcenter.helpdesk.audit.JdbiSecurityAuditRepository;
import dev.callcenter.helpdesk.audit.SecurityAudit;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.JdbiCustomerRepository;
import dev.callcenter.helpdesk.customer.csv.CustomerCsvImport;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.dispatch.DispatchEvents;
import dev.callcenter.helpdesk.dispatch.DispatchService;
import dev.callcenter.helpdesk.dispatch.EquipmentService;
import dev.callcenter.helpdesk.dispatch.JdbiDispatchOrderRepository;
import dev.callcenter.helpdesk.dispatch.JdbiEquipmentRepository;
import dev.callcenter.helpdesk.dispatch.JdbiServiceHistoryRepository;
import dev.callcenter.helpdesk.dispatch.JdbiTechnicianRepository;
import dev.callcenter.helpdesk.dispatch.ServiceHistoryService;
import dev.callcenter.helpdesk.dispatch.TechnicianService;
import dev.callcenter.helpdesk.dispatch.TravelModel;
import dev.callcenter.helpdesk.dispatch.field.FieldWork;
import dev.callcenter.helpdesk.dispatch.field.JdbiFieldWorkRepository;
import dev.callcenter.helpdesk.dispatch.field.VisitConfirmation;
import dev.callcenter.helpdesk.dispatch.planning.DispatchBoard;
import dev.callcenter.helpdesk.dispatch.planning.DispatchConstraints;
import dev.callcenter.helpdesk.dispatch.planning.Planner;
import dev.callcenter.helpdesk.dispatch.planning.PlanningJobs;
import dev.callcenter.helpdesk.dispatch.planning.Replanning;
import dev.callcenter.helpdesk.dispatch.stock.JdbiStockRepository;
import dev.callcenter.helpdesk.dispatch.stock.StockService;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.followup.JdbiFollowUpRepository;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.interaction.JdbiInteractionRepository;
import dev.callcenter.helpdesk.ivr.IvrJourneyService;
import dev.callcenter.helpdesk.ivr.JdbiIvrJourneyRepository;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import dev.callcenter.helpdesk.report.JdbiReportFacts;
import dev.callcenter.helpdesk.report.JdbiReportQueries;
import dev.callcenter.helpdesk.report.JdbiReportRollups;
import dev.callcenter.helpdesk.report.ReportFacts;
import dev.callcenter.helpdesk.report.ReportRollups;
import dev.callcenter.helpdesk.report.ReportService;
import dev.callcenter.helpdesk.sla.CachingSlaSetup;
import dev.callcenter.helpdesk.sla.CalendarService;
import dev.callcenter.helpdesk.sla.JdbiBusinessCalendarRepository;
import dev.callcenter.helpdesk.sla.JdbiSlaPolicyRepository;
import dev.callcenter.helpdesk.sla.JdbiTicketSlaRepository;
import dev.callcenter.helpdesk.sla.SlaEvent;
import dev.callcenter.helpdesk.sla.SlaMonitor;
import dev.callcenter.helpdesk.sla.SlaPolicyResolver;
import dev.callcenter.helpdesk.sla.SlaPolicyService;
import dev.callcenter.helpdesk.sla.SlaTicketClocks;
import dev.callcenter.helpdesk.sla.TicketSlaService;
import dev.callcenter.helpdesk.survey.JdbiSurveyRepository;
import dev.callcenter.helpdesk.survey.SurveyService;
import dev.callcenter.helpdesk.ticket.JdbiTicketAuditRepository;
import dev.callcenter.helpdesk.ticket.JdbiTicketRepository;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketWorkflow;
import dev.callcenter.helpdesk.timeline.JdbiTimelineRepository;
import dev.callcenter.helpdesk.timeline.TimelineService;
import dev.callcenter.helpdesk.usecase.ChangeTicketStatus;
import dev.callcenter.helpdesk.usecase.CreateDispatchOrder;
import dev.callcenter.helpdesk.usecase.OpenTicket;
import dev.callcenter.helpdesk.user.AuthService;
import dev.callcenter.helpdesk.user.JdbiLoginFailures;
import dev.callcenter.helpdesk.user.JdbiUserRepository;
import dev.callcenter.helpdesk.user.LoginThrottle;
import dev.callcenter.helpdesk.user.PasswordHasher;
import dev.callcenter.helpdesk.user.PasswordPolicy;
import dev.callcenter.helpdesk.user.UserAdministration;
import dev.callcenter.helpdesk.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The help-desk module assembled over one database: every repository and service built once with
 * its constructor. The server and every test kit build this same object, so tests run the wiring
 * that ships.
 */
public final class Helpdesk {

  /**
   * The module's settings.
   *
   * @param phoneDefaultRegion ISO region for numbers written without a country code
   * @param sessionTtl how long a login session lasts at most
   * @param idleTimeout how long a staff session lasts without a request
   * @param technicianIdleTimeout how long a technician's session lasts without a request
   * @param maxFailuresPerUser failed logins of one username from one address within {@code
   *     failureWindow} before further attempts wait (growing delays)
   * @param maxFailuresPerAddress usernames that may fail from one address within the window before
   *     that address waits (credential stuffing)
   * @param slaWarningPercent share of an SLA target, 1–99, from which a running clock warns
   * @param reopenWindow how long after closing a ticket may still be reopened
   * @param slaSetupCacheTtl how long SLA policies and calendars are cached between reads
   * @param planningZone the zone a dispatch "day" is read in (plans, the board, orders by day)
   * @param orderWorthMinutes how many minutes of extra driving serving one order is worth to the
   *     planner (ADR 0030)
   */
  public record Settings(
      String phoneDefaultRegion,
      Duration sessionTtl,
      Duration idleTimeout,
      Duration technicianIdleTimeout,
      int maxFailuresPerUser,
      int maxFailuresPerAddress,
      Duration failureWindow,
      int slaWarningPercent,
      Duration reopenWindow,
      Duration slaSetupCacheTtl,
      ZoneId planningZone,
      int orderWorthMinutes) {

    /** The shipped defaults (as in {@code config/callcenter.conf}) for Taiwan. */
    public static Settings defaults() {
      return new Settings(
          "TW",
          Duration.ofHours(12),
          Duration.ofHours(1),
          Duration.ofHours(12),
          5,
          50,
          Duration.ofMinutes(15),
          TicketSlaService.DEFAULT_WARNING_PERCENT,
          TicketWorkflow.DEFAULT_REOPEN_WINDOW,
          Duration.ofMinutes(1),
          DEFAULT_PLANNING_ZONE,
          DispatchConstraints.DEFAULT_ORDER_WORTH_MINUTES);
    }

    public Settings withReopenWindow(Duration window) {
      return new Settings(
          phoneDefaultRegion,
          sessionTtl,
          idleTimeout,
          technicianIdleTimeout,
          maxFailuresPerUser,
          maxFailuresPerAddress,
          failureWindow,
          slaWarningPercent,
          window,
          slaSetupCacheTtl,
          planningZone,
          orderWorthMinutes);
    }
  }

  /** Where dispatch days are planned unless configured otherwise ({@code dispatch.time-zone}). */
  public static final ZoneId DEFAULT_PLANNING_ZONE = ZoneId.of("Asia/Taipei");

  private final Database database;
  private final DispatchEvents dispatchEvents = new DispatchEvents();
  private final ZoneId planningZone;
  private final DispatchBoard dispatchBoard;
  private final Transactions transactions;
  private final UserRepository users;
  private final PasswordHasher passwords;
  private final AuthService auth;
  private final SecurityAudit securityAudit;
  private final UserAdministration userAdministration;
  private final CustomerRepository customerRepository;
  private final CustomerService customers;
  private final CustomerCsvImport customerImport;
  private final InteractionService interactions;
  private final FollowUpService followUps;
  private final TicketService tickets;
  private final TicketWorkflow workflow;
  private final TicketSlaService sla;
  private final SlaMonitor slaMonitor;
  private final TimelineService timeline;
  private final TeamService teams;
  private final AssignmentService assignment;
  private final OpenTicket openTicket;
  private final ChangeTicketStatus changeTicketStatus;
  private final SlaPolicyService slaPolicies;
  private final CalendarService calendar;
  private final AgentDeviceService agentDevices;
  private final IvrJourneyService ivrJourneys;
  private final SurveyService surveys;
  private final StockService stock;
  private final TechnicianService technicians;
  private final EquipmentService equipment;
  private final ServiceHistoryService serviceHistory;
  private final DispatchService dispatch;
  private final FieldWork fieldWork;
  private final VisitConfirmation visitConfirmation;
  private final CreateDispatchOrder createDispatchOrder;
  private final Replanning replanning;
  private final PlanningJobs planningJobs;
  private final ReportFacts reportFacts;
  private final ReportRollups reportRollups;
  private final ReportService reports;

  /**
   * @param slaEvents told of every SLA warning and breach the monitor finds; must not block
   */
  public Helpdesk(Database database, Settings settings, Clock clock, Consumer<SlaEvent> slaEvents) {
    this.database = database;
    this.planningZone = settings.planningZone();
    var jdbi = database.jdbi();
    transactions = new JdbiTransactions(jdbi);
    users = new JdbiUserRepository(jdbi);
    passwords = new PasswordHasher();
    securityAudit = new SecurityAudit(new JdbiSecurityAuditRepository(jdbi), clock);
    auth =
        new AuthService(
            users,
            passwords,
            new LoginThrottle(
                new JdbiLoginFailures(jdbi),
                settings.maxFailuresPerUser(),
                settings.maxFailuresPerAddress(),
                settings.failureWindow(),
                clock),
            securityAudit,
            new AuthService.Lifetimes(
                settings.sessionTtl(), settings.idleTimeout(), settings.technicianIdleTimeout()),
            clock);
    userAdministration =
        new UserAdministration(
            users, passwords, PasswordPolicy.standard(), auth, securityAudit, clock);
    customerRepository = new JdbiCustomerRepository(jdbi);
    customers =
        new CustomerService(customerRepository, new PhoneNormalizer(settings.phoneDefaultRegion()));
    var interactionRepository = new JdbiInteractionRepository(jdbi);
    interactions = new InteractionService(interactionRepository, customerRepository, clock);
    customerImport = new CustomerCsvImport(customers, customerRepository, transactions);
    var teamRepository = new JdbiTeamRepository(jdbi);
    followUps =
        new FollowUpService(
            new JdbiFollowUpRepository(jdbi),
            customerRepository,
            users,
            teamRepository,
            interactions,
            transactions,
            clock);
    var ticketRepository = new JdbiTicketRepository(jdbi);
    var slaRepository = new JdbiTicketSlaRepository(jdbi);
    var auditRepository = new JdbiTicketAuditRepository(jdbi);
    var calendarRepository = new JdbiBusinessCalendarRepository(jdbi);
    var slaSetup =
        new CachingSlaSetup(
            new JdbiSlaPolicyRepository(jdbi),
            calendarRepository,
            settings.slaSetupCacheTtl(),
            clock);
    slaPolicies = new SlaPolicyService(slaSetup);
    calendar = new CalendarService(calendarRepository, slaSetup::invalidate);
    sla =
        new TicketSlaService(
            ticketRepository, slaRepository, slaSetup, clock, settings.slaWarningPercent());
    var clocks = new SlaTicketClocks(new SlaPolicyResolver(slaSetup), sla, slaRepository);
    tickets =
        new TicketService(
            transactions,
            ticketRepository,
            auditRepository,
            clocks,
            customerRepository,
            users,
            interactionRepository,
            clock);
    workflow =
        new TicketWorkflow(
            transactions,
            ticketRepository,
            auditRepository,
            clocks,
            clock,
            settings.reopenWindow());
    slaMonitor =
        new SlaMonitor(transactions, ticketRepository, slaRepository, sla, clock, slaEvents);
    timeline = new TimelineService(new JdbiTimelineRepository(jdbi), customerRepository);
    teams = new TeamService(teamRepository, users, clock);
    assignment =
        new AssignmentService(
            transactions,
            tickets,
            ticketRepository,
            teams,
            new JdbiAssignmentRepository(jdbi),
            users,
            clock);
    openTicket = new OpenTicket(tickets, assignment);
    changeTicketStatus = new ChangeTicketStatus(workflow, assignment);
    agentDevices = new AgentDeviceService(new JdbiAgentDeviceRepository(jdbi));
    ivrJourneys = new IvrJourneyService(new JdbiIvrJourneyRepository(jdbi), transactions, clock);
    surveys = new SurveyService(new JdbiSurveyRepository(jdbi), clock);
    stock = new StockService(new JdbiStockRepository(jdbi), transactions, clock);
    var technicianRepository = new JdbiTechnicianRepository(jdbi);
    technicians = new TechnicianService(technicianRepository, users, clock);
    var orderRepository = new JdbiDispatchOrderRepository(jdbi);
    serviceHistory =
        new ServiceHistoryService(new JdbiServiceHistoryRepository(jdbi), customerRepository);
    equipment =
        new EquipmentService(
            new JdbiEquipmentRepository(jdbi),
            orderRepository,
            customerRepository,
            serviceHistory,
            clock);
    dispatch =
        new DispatchService(
            orderRepository, technicianRepository, stock, transactions, clock, dispatchEvents);
    createDispatchOrder =
        new CreateDispatchOrder(tickets, customers, equipment, stock, dispatch, clock);
    replanning =
        new Replanning(
            dispatch,
            technicians,
            stock,
            followUps,
            new Planner(settings.orderWorthMinutes()),
            TravelModel.DEFAULT,
            planningZone,
            clock);
    planningJobs = new PlanningJobs(replanning, clock);
    dispatchBoard =
        new DispatchBoard(dispatch, technicians, replanning, TravelModel.DEFAULT, planningZone);
    // facts through their own small pool: a burst of them never starves pops and the desk
    reportFacts = new JdbiReportFacts(database.factsJdbi());
    reportRollups = new JdbiReportRollups(jdbi);
    reports = new ReportService(new JdbiReportQueries(jdbi), clock);
    var fieldWorkRepository = new JdbiFieldWorkRepository(jdbi);
    fieldWork =
        new FieldWork(
            dispatch,
            orderRepository,
            fieldWorkRepository,
            customers,
            tickets,
            changeTicketStatus,
            equipment,
            followUps,
            transactions,
            clock);
    visitConfirmation =
        new VisitConfirmation(orderRepository, fieldWorkRepository, followUps, transactions, clock);
  }

  /** Where call offers and agent state changes are written for the reports. */
  public ReportFacts reportFacts() {
    return reportFacts;
  }

  /** The report rollups, rebuilt from the raw facts on demand (ADR 0023). */
  public ReportRollups reportRollups() {
    return reportRollups;
  }

  /** The reports (docs/metrics.md). */
  public ReportService reports() {
    return reports;
  }

  public Database database() {
    return database;
  }

  public Transactions transactions() {
    return transactions;
  }

  public UserRepository users() {
    return users;
  }

  public PasswordHasher passwords() {
    return passwords;
  }

  public AuthService auth() {
    return auth;
  }

  /** The security audit trail: logins, account changes, publications. */
  public SecurityAudit securityAudit() {
    return securityAudit;
  }

  public UserAdministration userAdministration() {
    return userAdministration;
  }

  /** The customers' store, for imports and tests that read what a use case wrote. */
  public CustomerRepository customerRepository() {
    return customerRepository;
  }

  public CustomerService customers() {
    return customers;
  }

  public CustomerCsvImport customerImport() {
    return customerImport;
  }

  public InteractionService interactions() {
    return interactions;
  }

  public FollowUpService followUps() {
    return followUps;
  }

  /**
   * Reads, edits and comments on tickets. Open them with {@link #openTicket()} and change their
   * status with {@link #changeTicketStatus()}, which also assign and release capacity.
   */
  public TicketService tickets() {
    return tickets;
  }

  /** The transitions a ticket allows; change them with {@link #changeTicketStatus()}. */
  public TicketWorkflow workflow() {
    return workflow;
  }

  public TicketSlaService sla() {
    return sla;
  }

  public SlaMonitor slaMonitor() {
    return slaMonitor;
  }

  public TimelineService timeline() {
    return timeline;
  }

  public TeamService teams() {
    return teams;
  }

  public AssignmentService assignment() {
    return assignment;
  }

  public OpenTicket openTicket() {
    return openTicket;
  }

  public ChangeTicketStatus changeTicketStatus() {
    return changeTicketStatus;
  }

  public SlaPolicyService slaPolicies() {
    return slaPolicies;
  }

  public CalendarService calendar() {
    return calendar;
  }

  public AgentDeviceService agentDevices() {
    return agentDevices;
  }

  public IvrJourneyService ivrJourneys() {
    return ivrJourneys;
  }

  public SurveyService surveys() {
    return surveys;
  }

  /** Parts catalogue, stock per warehouse and van, reservations and moves. */
  public StockService stock() {
    return stock;
  }

  public TechnicianService technicians() {
    return technicians;
  }

  /** The installed base and its service history. */
  public EquipmentService equipment() {
    return equipment;
  }

  /** Past visits per customer with what each took (per unit: {@link #equipment()}). */
  public ServiceHistoryService serviceHistory() {
    return serviceHistory;
  }

  /** Dispatch orders after creation; create them with {@link #createDispatchOrder()}. */
  public DispatchService dispatch() {
    return dispatch;
  }

  /** The technicians' reports from the field and the loop back to tickets (issue 15). */
  public FieldWork fieldWork() {
    return fieldWork;
  }

  /** A customer's confirmation or rescheduling of their next visit (the IVR). */
  public VisitConfirmation visitConfirmation() {
    return visitConfirmation;
  }

  public CreateDispatchOrder createDispatchOrder() {
    return createDispatchOrder;
  }

  /** Optimised plans of stored orders, their acceptance and the follow-ups they cause. */
  public Replanning replanning() {
    return replanning;
  }

  /** Solves started by dispatchers, run one at a time off the request path. */
  public PlanningJobs planningJobs() {
    return planningJobs;
  }

  /** The dispatcher's view of a day: routes per technician and what is left unassigned. */
  public DispatchBoard dispatchBoard() {
    return dispatchBoard;
  }

  /** Changes to dispatch orders, for live screens: subscribe before serving requests. */
  public DispatchEvents dispatchEvents() {
    return dispatchEvents;
  }

  /** The zone a dispatch day is read in. */
  public ZoneId planningZone() {
    return planningZone;
  }
}
