package dev.callcenter.pbxsim.pbx;

/** How Asterisk prints values in AMI: {@code <unknown>} for empty caller IDs, C-escaped names. */
public final class AmiText {
  private AmiText() {}

  /** {@code <unknown>} for null or empty, as Asterisk prints an unset caller ID part. */
  public static String orUnknown(String value) {
    return value == null || value.isEmpty() ? "<unknown>" : value;
  }

  /**
   * Escapes like Asterisk's {@code ast_escape_c} for caller names ({@code O'Brien} becomes {@code
   * O\'Brien}); other characters, UTF-8 included, pass through.
   */
  public static String escapeC(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(value.length() + 4);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\u0007' -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\u000b' -> sb.append("\\v");
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '?' -> sb.append("\\?");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Asterisk's text for a hangup cause code. */
  public static String causeText(int cause) {
    return switch (cause) {
      case 1 -> "Unallocated (unassigned) number";
      case 16 -> "Normal Clearing";
      case 17 -> "User busy";
      case 18 -> "No user responding";
      case 19 -> "User alerting, no answer";
      case 21 -> "Call Rejected";
      case 26 -> "Answered elsewhere";
      case 34 -> "Circuit/channel congestion";
      case 127 -> "Interworking, unspecified";
      default -> "Unknown";
    };
  }
}
