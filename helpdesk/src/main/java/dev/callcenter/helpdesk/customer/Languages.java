package dev.callcenter.helpdesk.customer;

import dev.callcenter.helpdesk.ValidationException;
import java.util.List;

/** The languages the center serves customers in. */
public final class Languages {

  public static final List<String> SUPPORTED = List.of("zh-TW", "zh-CN", "en");
  public static final String DEFAULT = "zh-TW";

  private Languages() {}

  /** The language tag, defaulting to zh-TW when absent; a 400 for any other value. */
  public static String of(String field, String tag) {
    if (tag == null || tag.isBlank()) {
      return DEFAULT;
    }
    for (String supported : SUPPORTED) {
      if (supported.equalsIgnoreCase(tag.strip())) {
        return supported;
      }
    }
    throw new ValidationException(field, "must be one of " + SUPPORTED);
  }
}
