package dev.callcenter.helpdesk.db;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Transactions over Jdbi: on-demand SQL objects used inside the callback reuse the thread's open
 * handle, so they join the transaction.
 */
public final class JdbiTransactions implements Transactions {

  private final Jdbi jdbi;

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> work.get());
  }
}
