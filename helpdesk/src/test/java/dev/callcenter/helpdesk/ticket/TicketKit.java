package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.sla.JdbiTicketSlaRepository;
import dev.callcenter.helpdesk.sla.SlaEvent;
import dev.callcenter.helpdesk.sla.SlaMonitor;
import dev.callcenter.helpdesk.sla.TicketSlaService;
import dev.callcenter.helpdesk.testing.MutableClock;
import dev.callcenter.helpdesk.testing.TestDatabase;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The help desk as the server assembles it ({@link Helpdesk}) on a fresh real database with a
 * hand-driven clock, for tests; also creates customers and users.
 */
public final class TicketKit implements AutoCloseable {

  public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final AtomicInteger USERS = new AtomicInteger();

  public final Database db;
  public final MutableClock clock;
  public final Helpdesk helpdesk;
  public final CustomerRepository customerRepository;
  public final CustomerService customers;
  public final UserRepository users;
  public final InteractionService interactions;
  public final JdbiTicketRepository ticketRepository;
  public final JdbiTicketSlaRepository slaRepository;
  public final TicketSlaService sla;
  public final TicketService tickets;
  public final TicketWorkflow workflow;
  public final List<SlaEvent> announced = new ArrayList<>();

  public TicketKit() {
    this(TicketWorkflow.DEFAULT_REOPEN_WINDOW);
  }

  public TicketKit(Duration reopenWindow) {
    this(Helpdesk.Settings.defaults().withReopenWindow(reopenWindow));
  }

  public TicketKit(Helpdesk.Settings settings) {
    db = TestDatabase.fresh();
    clock = new MutableClock(taipei("2026-01-05T09:00"));
    helpdesk =
        new Helpdesk(
            db,
            settings,
            clock,
            event -> {
              synchronized (announced) {
                announced.add(event);
              }
            });
    customerRepository = helpdesk.customerRepository();
    customers = helpdesk.customers();
    users = helpdesk.users();
    interactions = helpdesk.interactions();
    // Read-side access for assertions; the services above write through their own instances.
    ticketRepository = new JdbiTicketRepository(db.jdbi());
    slaRepository = new JdbiTicketSlaRepository(db.jdbi());
    sla = helpdesk.sla();
    tickets = helpdesk.tickets();
    workflow = helpdesk.workflow();
  }

  /** The monitor, announcing into {@link #announced}. */
  public SlaMonitor monitor() {
    return helpdesk.slaMonitor();
  }

  public static Instant taipei(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(TAIPEI).toInstant();
  }

  public Customer customer(String name, Tier tier) {
    Customer c =
        customers.create(
            new CustomerDraft(
                CustomerKind.PERSON,
                name,
                null,
                "zh-TW",
                List.of(),
                List.of(),
                null,
                null,
                Map.of(),
                null,
                null,
                null));
    return tier == Tier.VIP ? customers.setTierOverride(c.id(), Tier.VIP) : c;
  }

  /** A new agent's user id. */
  public long agent(String displayName) {
    return users.upsert(
        "agent" + USERS.incrementAndGet(), displayName, "x", Set.of(Role.AGENT), "zh-TW");
  }

  public Ticket open(TicketType type, Priority priority, long customerId, Long actorId) {
    return tickets.create(
        new TicketDraft(
            type,
            type + " " + priority,
            null,
            priority,
            customerId,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            type == TicketType.COMPLAINT ? clock.instant().plus(Duration.ofDays(3)) : null),
        actorId);
  }

  public Ticket move(long ticketId, TicketStatus to, Long actorId) {
    return workflow.changeStatus(ticketId, StatusChange.to(to), actorId);
  }

  /** Runs SQL on the test database (triggers that make a step fail, counts). */
  public void execute(String sql) {
    db.jdbi().useHandle(h -> h.execute(sql));
  }

  public long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    db.close();
  }
}
