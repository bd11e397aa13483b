package dev.callcenter.ui.http;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed, and the client address of a
 * request under that rule: the right-most forwarded address that is not one of these proxies, or
 * the TCP peer when the peer is not a trusted proxy. Addresses are literals only; nothing is
 * resolved through DNS.
 */
public final class TrustedProxies {

  private final List<IpSubnetFilterRule> ranges;
  private final List<String> written;

  private TrustedProxies(List<IpSubnetFilterRule> ranges, List<String> written) {
    this.ranges = ranges;
    this.written = written;
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of(), List.of());
  }

  /**
   * Reads IP addresses and CIDR ranges ({@code 10.0.0.5}, {@code 10.1.0.0/16}, {@code fd00::/8}).
   *
   * @param key the setting's name, for the error
   * @throws IllegalArgumentException naming the entry that is not an address or range
   */
  public static TrustedProxies parse(String key, List<String> entries) {
    List<IpSubnetFilterRule> ranges = new ArrayList<>();
    for (String entry : entries) {
      String text = entry.strip();
      int slash = text.indexOf('/');
      String ip = slash < 0 ? text : text.substring(0, slash);
      InetAddress address = literal(ip);
      int max = address == null ? 0 : address.getAddress().length * 8;
      int prefix = max;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
      }
      if (address == null || prefix < 0 || prefix > max) {
        throw new IllegalArgumentException(
            key + " must list IP addresses or CIDR ranges such as 10.0.0.0/8, not '" + text + "'");
      }
      ranges.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
    }
    return new TrustedProxies(List.copyOf(ranges), List.copyOf(entries));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** The client's address for throttling and the audit trail. */
  public String clientAddress(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    if (peer == null) {
      return "unknown";
    }
    return clientAddress(peer, request.headers().getAll("X-Forwarded-For"));
  }

  /** The client's address given the TCP peer and the X-Forwarded-For header values. */
  public String clientAddress(String peer, List<String> forwardedFor) {
    String client = normal(peer);
    if (ranges.isEmpty() || forwardedFor.isEmpty()) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
      InetAddress hop = literal(hops.get(i));
      if (hop == null) {
        break;
      }
      client = hop.getHostAddress();
    }
    return client;
  }

  private boolean trusted(String address) {
    InetAddress ip = literal(address);
    if (ip == null) {
      return false;
    }
    InetSocketAddress socket = new InetSocketAddress(ip, 0);
    return ranges.stream().anyMatch(r -> r.matches(socket));
  }

  private static String normal(String address) {
    InetAddress ip = literal(address);
    return ip == null ? address : ip.getHostAddress();
  }

  private static InetAddress literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return null;
    }
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    return NetUtil.createInetAddressFromIpAddressString(bare);
  }

  @Override
  public String toString() {
    return written.toString();
  }
}
