package dev.callcenter.bench;

import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.JdbiCustomerRepository;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import java.util.Random;

/**
 * Caller-lookup latency with a million customers: the full path an incoming call takes (normalise
 * the number with libphonenumber, query the E.164 index, map the candidates), one lookup at a time,
 * numbers in several written formats, 10% of them unknown.
 */
final class LookupBench {

  static void run(BenchDatabase bench, int customers, int lookups) {
    Database db = bench.database();
    Fixtures.ensureCustomers(db, customers);
    CustomerService service =
        new CustomerService(new JdbiCustomerRepository(db.jdbi()), new PhoneNormalizer("TW"));
    Random random = new Random(42);

    // Warm-up: JIT, connection pool, index pages in shared buffers.
    for (int i = 0; i < 20_000; i++) {
      service.lookup(Fixtures.writtenMobile(random.nextInt(customers) + 1, random));
    }
    long[] nanos = new long[lookups];
    int known = 0;
    long start = System.nanoTime();
    for (int i = 0; i < lookups; i++) {
      boolean unknown = random.nextInt(10) == 0;
      int n = unknown ? customers + 1 + random.nextInt(1_000_000) : random.nextInt(customers) + 1;
      String number = Fixtures.writtenMobile(n, random);
      long t0 = System.nanoTime();
      CallerLookup r = service.lookup(number);
      nanos[i] = System.nanoTime() - t0;
      if (r.result() == CallerLookup.Result.KNOWN) {
        known++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "caller lookup, %,d customers, %,d lookups (%,d known), 1 thread: %,.0f lookups/s%n",
        customers, lookups, known, lookups / seconds);
    System.out.println("  latency " + Percentiles.of(nanos));
  }
}
