package dev.callcenter.cti.ivr;

/** The help desk did not answer in time or failed; the caller gets an apology and an agent. */
final class BackendFailure extends RuntimeException {
  BackendFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
