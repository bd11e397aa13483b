package dev.callcenter.helpdesk.user;

import java.time.Instant;

/** Storage of failed logins, shared by every node and kept across restarts. */
public interface LoginFailures {

  void add(String username, String address, Instant at);

  /** Failures from {@code address} since {@code since}, for {@code username} and for anyone. */
  Recent recent(String username, String address, Instant since);

  /** Forgets the failures of this username from this address (after a successful login). */
  void clear(String username, String address);

  /** Deletes failures older than {@code before}; returns how many. */
  int purge(Instant before);

  /**
   * @param pairFailures failures of this username from this address
   * @param pairLast the latest of them, null if none
   * @param addressUsernames distinct usernames that failed from this address
   * @param addressLast the latest failure from this address, null if none
   */
  record Recent(int pairFailures, Instant pairLast, int addressUsernames, Instant addressLast) {}
}
