package dev.callcenter.cti.call;

/** A queue member's device state, as app_queue numbers it in {@code Status}. */
public enum DeviceStatus {
  UNKNOWN,
  NOT_INUSE,
  INUSE,
  BUSY,
  INVALID,
  UNAVAILABLE,
  RINGING,
  RINGINUSE,
  ONHOLD;

  /** The state for app_queue's code; {@link #UNKNOWN} for null or out-of-range codes. */
  public static DeviceStatus fromCode(Integer code) {
    DeviceStatus[] all = values();
    return code == null || code < 0 || code >= all.length ? UNKNOWN : all[code];
  }
}
