package dev.callcenter.helpdesk.user;

import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** {@link LoginFailures} in PostgreSQL's {@code login_failure} table. */
public final class JdbiLoginFailures implements LoginFailures {

  private final Jdbi jdbi;

  public JdbiLoginFailures(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void add(String username, String address, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into login_failure (username, address, failed_at)"
                        + " values (:username, :address, :at)")
                .bind("username", username)
                .bind("address", address)
                .bind("at", at)
                .execute());
  }

  @Override
  public Recent recent(String username, String address, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select count(*) filter (where username = :username) pair_failures,
                      max(failed_at) filter (where username = :username) pair_last,
                      count(distinct username) address_usernames,
                      max(failed_at) address_last
                    from login_failure where address = :address and failed_at > :since
                    """)
                .bind("username", username)
                .bind("address", address)
                .bind("since", since)
                .map(
                    (rs, ctx) ->
                        new Recent(
                            rs.getInt("pair_failures"),
                            instant(rs.getTimestamp("pair_last")),
                            rs.getInt("address_usernames"),
                            instant(rs.getTimestamp("address_last"))))
                .one());
  }

  @Override
  public void clear(String username, String address) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "delete from login_failure where username = :username and address = :address")
                .bind("username", username)
                .bind("address", address)
                .execute());
  }

  @Override
  public int purge(Instant before) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("delete from login_failure where failed_at < :before")
                .bind("before", before)
                .execute());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
