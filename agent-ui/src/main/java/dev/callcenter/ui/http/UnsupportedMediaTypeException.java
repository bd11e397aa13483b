package dev.callcenter.ui.http;

/** A request body of another media type or charset than the route reads: a 415. */
public final class UnsupportedMediaTypeException extends RuntimeException {

  private final String expected;
  private final String received;

  /**
   * @param expected the media type the route reads, always in UTF-8
   * @param received the request's Content-Type header, null when there was none
   */
  public UnsupportedMediaTypeException(String expected, String received) {
    super(
        "Send the body as "
            + expected
            + " (UTF-8), not "
            + (received == null ? "without a Content-Type" : received));
    this.expected = expected;
    this.received = received;
  }

  public String expected() {
    return expected;
  }

  public String received() {
    return received;
  }
}
