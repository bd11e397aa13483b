package dev.callcenter.cti.ivr.fastagi;

/** Root of the FastAGI errors: the session cannot go on as the script intended. */
public class AgiException extends RuntimeException {
  public AgiException(String message) {
    super(message);
  }

  public AgiException(String message, Throwable cause) {
    super(message, cause);
  }
}
