package dev.callcenter.ui.http;

import java.util.List;

/** The path exists but not with this method: a 405 with an {@code Allow} header. */
public final class MethodNotAllowedException extends RuntimeException {

  private final List<String> allowed;

  /**
   * @param allowed the methods the path takes, sorted
   */
  public MethodNotAllowedException(String method, List<String> allowed) {
    super(method + " is not allowed here; this path takes " + String.join(", ", allowed));
    this.allowed = List.copyOf(allowed);
  }

  public List<String> allowed() {
    return allowed;
  }
}
