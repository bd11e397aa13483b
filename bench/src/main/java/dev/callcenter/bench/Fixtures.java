package dev.callcenter.bench;

import dev.callcenter.helpdesk.db.Database;
import java.util.Random;

/** Bulk test data made inside PostgreSQL (generate_series), so loading a million rows is quick. */
final class Fixtures {

  private Fixtures() {}

  /** Makes sure customers 1..n exist, each with mobile 09xxxxxxxx derived from its number. */
  static void ensureCustomers(Database db, int n) {
    long have =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("select count(*) from customer").mapTo(Long.class).one());
    if (have >= n) {
      return;
    }
    long t0 = System.nanoTime();
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "insert into customer (kind, name, language, value_12m)"
                      + " select 'PERSON', 'Customer ' || g, 'zh-TW', (g % 1000) * 10"
                      + " from generate_series(?, ?) g",
                  have + 1, n);
              h.execute(
                  "insert into customer_phone (customer_id, position, type, original, e164)"
                      + " select id, 0, 'MOBILE', '09' || lpad(id::text, 8, '0'),"
                      + " '+8869' || lpad(id::text, 8, '0') from customer where id > ?",
                  have);
              h.execute("analyze customer");
              h.execute("analyze customer_phone");
            });
    System.out.printf("loaded %,d customers in %.1f s%n", n - have, (System.nanoTime() - t0) / 1e9);
  }

  /** Customer {@code n}'s mobile written the way a person or a PBX might. */
  static String writtenMobile(int n, Random random) {
    String digits = String.format("%08d", n);
    return switch (random.nextInt(4)) {
      case 0 -> "09" + digits;
      case 1 ->
          "09" + digits.substring(0, 2) + "-" + digits.substring(2, 5) + "-" + digits.substring(5);
      case 2 ->
          "+886 9"
              + digits.substring(0, 2)
              + " "
              + digits.substring(2, 5)
              + " "
              + digits.substring(5);
      default -> "008869" + digits;
    };
  }
}
