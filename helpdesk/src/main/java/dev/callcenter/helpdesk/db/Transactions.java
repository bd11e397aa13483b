package dev.callcenter.helpdesk.db;

import java.util.function.Supplier;

/**
 * Runs a unit of work in one database transaction; repository calls made inside it on the same
 * thread take part in that transaction, so a use case commits all of its writes or none.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
