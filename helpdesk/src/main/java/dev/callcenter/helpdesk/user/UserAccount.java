package dev.callcenter.helpdesk.user;

import java.time.Instant;

/** A user as administrators see them: with when they last logged in and were created. */
public record UserAccount(User user, Instant lastLoginAt, Instant createdAt) {}
