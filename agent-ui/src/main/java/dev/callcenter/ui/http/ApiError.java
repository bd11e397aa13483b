package dev.callcenter.ui.http;

import java.util.Map;

/** The one JSON error shape: {@code {"error":{"code","message","details"}}}. */
public record ApiError(Body error) {

  /** The error's fields. */
  public record Body(String code, String message, Map<String, Object> details) {}

  public static ApiError of(String code, String message, Map<String, Object> details) {
    return new ApiError(new Body(code, message, details));
  }
}
