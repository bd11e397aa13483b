package dev.callcenter.bench;

import dev.callcenter.helpdesk.customer.JdbiCustomerRepository;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import dev.callcenter.helpdesk.ticket.JdbiTicketRepository;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The two statements every ticket creation runs (the customer's tier, the ticket insert), called
 * through their repositories one at a time, with the CPU time the calling thread spends per call.
 * That CPU time is the client's share (Jdbi, the driver, mapping) and, unlike the throughput of
 * {@link TicketBench}, hardly depends on what else runs on the machine. The tier lookup is also run
 * as plain JDBC on one connection, the floor any data-access layer adds to.
 */
final class HotPathBench {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  static void run(BenchDatabase bench, int calls) throws Exception {
    Database db = bench.database();
    int customers = 1000;
    Fixtures.ensureCustomers(db, customers);
    var customerRepo = new JdbiCustomerRepository(db.jdbi());
    var ticketRepo = new JdbiTicketRepository(db.jdbi());
    Random random = new Random(42);
    System.out.printf(
        "hot-path statements, 1 thread, %,d calls each after as many to warm up:%n", calls);

    report(
        "CustomerRepository.tierOf",
        calls,
        i -> customerRepo.tierOf(1 + random.nextInt(customers)).orElseThrow());

    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("select coalesce(tier_override, tier) from customer where id = ?")) {
      report(
          "  same select, plain JDBC",
          calls,
          i -> {
            try {
              ps.setLong(1, 1 + random.nextInt(customers));
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getString(1);
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }

    Duration firstResponse = Duration.ofMinutes(480);
    Duration resolution = Duration.ofMinutes(1620);
    report(
        "TicketRepository.insert (durable commit)",
        calls / 10,
        i -> {
          Instant now = Instant.now();
          ticketRepo.insert(
              new TicketDraft(
                  TicketType.FAULT_REPORT,
                  "Printer jams on tray 2",
                  "Customer reports paper jam after firmware update",
                  null,
                  (long) (1 + random.nextInt(customers)),
                  null,
                  null,
                  List.of("printer"),
                  List.of(),
                  null,
                  null,
                  "LaserJet",
                  "4.2",
                  null),
              new SlaTerms(null, firstResponse, resolution),
              new SlaSchedule(
                  now.plus(firstResponse.multipliedBy(8).dividedBy(10)),
                  now.plus(firstResponse),
                  now.plus(resolution.multipliedBy(8).dividedBy(10)),
                  now.plus(resolution)),
              null,
              now);
        });
  }

  private static void report(String what, int calls, IntConsumer call) {
    for (int i = 0; i < calls; i++) {
      call.accept(i);
    }
    long[] nanos = new long[calls];
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      call.accept(i);
      nanos[i] = System.nanoTime() - t0;
    }
    double wallMicros = (System.nanoTime() - wall0) / 1e3 / calls;
    double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e3 / calls;
    System.out.printf(
        "  %-42s client CPU %6.1f µs/call, wall %7.1f µs/call, %s%n",
        what, cpuMicros, wallMicros, Percentiles.of(nanos));
  }
}
