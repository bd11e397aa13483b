package dev.callcenter.pbxsim.agi;

import java.net.URI;

/**
 * A parsed {@code agi://host[:port]/script?query}; {@code script} keeps the query, as Asterisk's
 * {@code agi_network_script} does.
 */
record AgiUri(String request, String host, int port, String script) {
  static final int DEFAULT_PORT = 4573;

  static AgiUri parse(String uri) {
    URI u = URI.create(uri);
    if (!"agi".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException("not an agi://host[:port]/script URI: " + uri);
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    String script = path.startsWith("/") ? path.substring(1) : path;
    if (u.getRawQuery() != null) {
      script = script + "?" + u.getRawQuery();
    }
    return new AgiUri(uri, u.getHost(), u.getPort() < 0 ? DEFAULT_PORT : u.getPort(), script);
  }
}
