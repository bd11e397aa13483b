package dev.callcenter.helpdesk.user;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.HelpdeskException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B's advice: length and a blocklist, no composition
 * rules): at least {@value #MIN_LENGTH} characters, not the username, not one of the 30,000 most
 * common passwords (zxcvbn's list, see {@code common-passwords.txt}) nor one of them with digits or
 * symbols around it, and not a few characters repeated.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1000;
  private static final String LIST = "common-passwords.txt";

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  /** The policy with the shipped list of common passwords. */
  public static PasswordPolicy standard() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is missing from the classpath");
      }
      Set<String> words = new HashSet<>(40_000);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
      return new PasswordPolicy(Set.copyOf(words));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Throws a 400 with a stable code ({@code password_*}) when {@code password} is not allowed. */
  public void check(String username, String password) {
    if (password == null || password.isEmpty()) {
      throw refused("password_required", "Enter a password");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw refused("password_too_short", "Use at least " + MIN_LENGTH + " characters", MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      throw refused("password_too_long", "Use at most " + MAX_LENGTH + " characters", MAX_LENGTH);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String core = lower.replaceAll("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$", "");
    if (username != null) {
      String name = username.strip().toLowerCase(Locale.ROOT);
      if (lower.equals(name) || core.equals(name) || lower.contains(name) && name.length() >= 6) {
        throw refused("password_contains_username", "Do not use your username in the password");
      }
    }
    if (common.contains(lower) || common.contains(core)) {
      throw refused(
          "password_too_common", "This password is among the most common ones; choose another");
    }
    if (lower.codePoints().distinct().count() < 5) {
      throw refused("password_too_simple", "Use more different characters");
    }
  }

  private static HelpdeskException refused(String code, String message) {
    return new HelpdeskException(Kind.INVALID, code, message, Map.of("field", "password"));
  }

  private static HelpdeskException refused(String code, String message, int limit) {
    return new HelpdeskException(
        Kind.INVALID, code, message, Map.of("field", "password", "limit", limit));
  }
}
