package dev.callcenter.helpdesk.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Plain JDBC on the connection of a Jdbi handle, for the few statements on hot paths where Jdbi's
 * per-statement machinery costs more CPU than the database work (jdbi/jdbi#2617; still so on Jdbi
 * 3.55, see bench/README.md). The handle is the thread's open one inside {@link
 * Transactions#inTransaction}, so such statements still join the caller's transaction.
 */
public final class PlainJdbc {

  /** Work on a JDBC connection. */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private PlainJdbc() {}

  /** Runs {@code work} on the handle's connection; SQL errors become Jdbi's exception. */
  public static <T> T withConnection(Jdbi jdbi, ConnectionWork<T> work) {
    try {
      return jdbi.withHandle(h -> work.apply(h.getConnection()));
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }
}
