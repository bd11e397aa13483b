package dev.callcenter.cti.ivr.fastagi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Accepts FastAGI connections from the configured PBX addresses and runs the mapped script of each
 * on its own virtual thread, so a session waiting on a caller or a slow database holds no platform
 * thread and never delays another.
 */
public final class FastAgiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);
  private static final int MAX_ENV_LINES = 200;

  private final ServerSocket listener;
  private final Set<InetAddress> allowed;
  private final Map<String, AgiScript> scripts;
  private final int readTimeoutMillis;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final MissingSounds missingSounds = new MissingSounds();
  private final Thread acceptor;
  private volatile boolean closing;

  private FastAgiServer(FastAgiConfig config, Map<String, AgiScript> scripts) throws IOException {
    this.allowed = resolve(config);
    this.scripts = Map.copyOf(scripts);
    this.readTimeoutMillis = Math.toIntExact(config.readTimeout().toMillis());
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    try {
      listener.bind(
          new InetSocketAddress(InetAddress.getByName(config.host()), config.port()),
          config.backlog());
    } catch (IOException e) {
      listener.close();
      throw new IOException(
          "FastAGI cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(),
          e);
    }
    this.acceptor = Thread.ofPlatform().name("fastagi-accept").daemon().unstarted(this::acceptLoop);
  }

  /**
   * Binds the configured address and starts serving {@code scripts} by name: {@code agi://host/ivr}
   * runs {@code scripts.get("ivr")}; an unmapped name is closed with a log line.
   */
  public static FastAgiServer start(FastAgiConfig config, Map<String, AgiScript> scripts) {
    try {
      FastAgiServer server = new FastAgiServer(config, new LinkedHashMap<>(scripts));
      server.acceptor.start();
      log.info(
          "FastAGI listening on {} for PBX {} with scripts {}",
          server.listener.getLocalSocketAddress(),
          server.allowed,
          server.scripts.keySet());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Sessions run so far (started, finished or not). */
  public long served() {
    return served.get();
  }

  /** Connections closed because the peer is not an allowed PBX. */
  public long refused() {
    return refused.get();
  }

  private static Set<InetAddress> resolve(FastAgiConfig config) throws UnknownHostException {
    Set<InetAddress> addresses = new HashSet<>();
    for (String peer : config.allowedPeers()) {
      for (InetAddress a : InetAddress.getAllByName(peer.strip())) {
        addresses.add(a);
      }
    }
    return Set.copyOf(addresses);
  }

  private void acceptLoop() {
    while (!closing) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!closing) {
          log.error("FastAGI accept failed; no more IVR sessions will be served", e);
        }
        return;
      }
      InetAddress peer = socket.getInetAddress();
      if (!allowed.contains(peer)) {
        refused.incrementAndGet();
        log.warn(
            "FastAGI connection from {} refused: not a configured PBX address {}", peer, allowed);
        closeQuietly(socket);
        continue;
      }
      served.incrementAndGet();
      open.add(socket);
      Thread.ofVirtual().name("agi-" + peer.getHostAddress()).start(() -> serve(socket));
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(readTimeoutMillis);
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      AgiRequest request = readRequest(in, socket.getInetAddress());
      if (request == null) {
        log.info("FastAGI peer {} closed before sending its environment", socket.getInetAddress());
        return;
      }
      MDC.put("callId", request.uniqueid());
      AgiScript script = scripts.get(request.script());
      if (script == null) {
        log.warn(
            "FastAGI request for unmapped script '{}' from {} ({}) closed; mapped: {}",
            request.script(),
            socket.getInetAddress().getHostAddress(),
            request.channel(),
            scripts.keySet());
        return;
      }
      AgiChannel channel =
          new AgiChannel(
              in,
              new BufferedOutputStream(socket.getOutputStream(), 1024),
              missingSounds,
              request.language());
      try {
        script.run(request, channel);
      } catch (AgiHangupException e) {
        log.info(
            "Caller on {} hung up in '{}': {}",
            request.channel(),
            request.script(),
            e.getMessage());
      } catch (AgiException e) {
        log.warn(
            "FastAGI script '{}' on {} ended: {}",
            request.script(),
            request.channel(),
            e.toString());
      } catch (RuntimeException e) {
        log.error("FastAGI script '{}' on {} failed", request.script(), request.channel(), e);
      }
    } catch (SocketException e) {
      if (!closing) {
        log.info("FastAGI connection from {} lost: {}", socket.getInetAddress(), e.getMessage());
      }
    } catch (IOException e) {
      log.warn("FastAGI connection from {} failed: {}", socket.getInetAddress(), e.toString());
    } finally {
      open.remove(socket);
      MDC.remove("callId");
    }
  }

  /** The {@code agi_*} block up to its empty line; null if the peer closed first. */
  static AgiRequest readRequest(InputStream in, InetAddress peer) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (int n = 0; n < MAX_ENV_LINES; n++) {
      String line = AgiChannel.readLine(in);
      if (line == null) {
        return null;
      }
      if (line.isEmpty()) {
        return new AgiRequest(env, peer);
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        String value = line.substring(colon + 1);
        env.put(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
      }
    }
    throw new IOException("FastAGI environment longer than " + MAX_ENV_LINES + " lines");
  }

  @Override
  public void close() {
    Object address = listener.getLocalSocketAddress();
    closing = true;
    closeQuietly(listener);
    for (Socket s : open) {
      closeQuietly(s);
    }
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("FastAGI server on {} closed after {} sessions", address, served);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      log.debug("close failed: {}", e.toString());
    }
  }
}
