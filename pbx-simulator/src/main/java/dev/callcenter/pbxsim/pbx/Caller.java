package dev.callcenter.pbxsim.pbx;

import java.util.Objects;

/** A caller ID as the carrier delivers it; empty parts print as {@code <unknown>}. */
public record Caller(String number, String name) {
  public Caller {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
  }

  public static Caller of(String number, String name) {
    return new Caller(number, name);
  }

  /** A withheld number: Asterisk shows {@code <unknown>} for both parts. */
  public static Caller anonymous() {
    return new Caller("", "");
  }
}
