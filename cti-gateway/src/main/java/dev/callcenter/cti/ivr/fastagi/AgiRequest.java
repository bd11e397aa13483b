package dev.callcenter.cti.ivr.fastagi;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment block Asterisk sent at the start of a FastAGI session.
 *
 * @param env every {@code agi_*} key and value, in the order sent
 * @param peer the PBX address the connection came from
 */
public record AgiRequest(Map<String, String> env, InetAddress peer) {

  public AgiRequest {
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  /** The script name of {@code agi://host/<script>?query}, without slashes or query. */
  public String script() {
    String s = env.getOrDefault("agi_network_script", "");
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    return s;
  }

  /** The query parameters of the AGI URL, decoded. */
  public Map<String, String> parameters() {
    String s = env.getOrDefault("agi_network_script", "");
    int q = s.indexOf('?');
    Map<String, String> params = new LinkedHashMap<>();
    if (q < 0) {
      return params;
    }
    for (String pair : s.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return params;
  }

  /** The {@code AGI()} application's arguments after the URL ({@code agi_arg_1…}). */
  public List<String> args() {
    List<String> args = new ArrayList<>();
    for (int i = 1; env.containsKey("agi_arg_" + i); i++) {
      args.add(env.get("agi_arg_" + i));
    }
    return args;
  }

  public String channel() {
    return env.getOrDefault("agi_channel", "");
  }

  public String uniqueid() {
    return env.getOrDefault("agi_uniqueid", "");
  }

  /** The caller number, null when Asterisk sent {@code unknown} or nothing. */
  public String callerNumber() {
    return known(env.get("agi_callerid"));
  }

  /** The caller name (raw UTF-8), null when Asterisk sent {@code unknown} or nothing. */
  public String callerName() {
    return known(env.get("agi_calleridname"));
  }

  /** The channel's language ({@code agi_language}). */
  public String language() {
    return env.getOrDefault("agi_language", "");
  }

  private static String known(String value) {
    return value == null || value.isBlank() || "unknown".equals(value) ? null : value;
  }
}
