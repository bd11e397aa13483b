package dev.callcenter.helpdesk.user;

import java.time.Instant;

/**
 * An authenticated session.
 *
 * @param token the bearer token / cookie value; only its hash is stored
 * @param csrfToken must accompany state-changing requests authenticated by cookie
 */
public record Session(String token, String csrfToken, User user, Instant expiresAt) {

  @Override
  public String toString() {
    return "Session[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
  }
}
