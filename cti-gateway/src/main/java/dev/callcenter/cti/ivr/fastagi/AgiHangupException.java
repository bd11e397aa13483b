package dev.callcenter.cti.ivr.fastagi;

/**
 * The caller hung up: a channel command answered {@code result=-1} or {@code 511}, or Asterisk
 * closed the connection. A normal end of a call, not an error.
 */
public final class AgiHangupException extends AgiException {
  public AgiHangupException(String message) {
    super(message);
  }
}
