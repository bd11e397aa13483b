package dev.callcenter.kb.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs in a child JVM started by {@link ModelsStayOfflineTest}: installs JVM-wide traps on every
 * {@code http}/{@code https}/{@code ftp} URL connection and every {@code java.net.Socket} connect
 * (each trap records the target and refuses, so nothing leaves the machine), then loads and uses
 * the models, and prints what was attempted.
 *
 * <p>Usage: {@code NetworkTrapProbe configured|unconfigured WORK_DIR}. {@code configured} loads
 * through {@link Embedders#load}; {@code unconfigured} builds a model directly, as code that forgot
 * the DJL settings would, to show that the traps do catch DJL phoning home.
 */
public final class NetworkTrapProbe {
  private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

  private NetworkTrapProbe() {}

  public static void main(String[] args) throws IOException {
    URL.setURLStreamHandlerFactory(
        protocol ->
            switch (protocol) {
              case "http", "https", "ftp" -> new TrapHandler();
              default -> null;
            });
    Socket.setSocketImplFactory(TrapSocket::new);
    Path workDir = Path.of(args[1]);
    try {
      if (args[0].equals("configured")) {
        Embedders models = Embedders.load(EmbeddingConfig.enabled(workDir));
        float[] english = models.embedQuery(Embedders.Model.ENGLISH, "the printer jams");
        float[] chinese = models.embedQuery(Embedders.Model.CHINESE, "打印机卡纸");
        System.out.println("VECTORS " + english.length + " " + chinese.length);
      } else {
        System.setProperty("DJL_CACHE_DIR", workDir.resolve("djl-cache").toString());
        System.setProperty("ENGINE_CACHE_DIR", workDir.resolve("djl-engines").toString());
        var model =
            new dev.langchain4j.model.embedding.onnx.allminilml6v2q
                .AllMiniLmL6V2QuantizedEmbeddingModel();
        System.out.println("VECTORS " + model.embed("the printer jams").content().vector().length);
      }
    } catch (RuntimeException | Error e) {
      System.out.println("FAILED " + e);
    }
    ATTEMPTS.forEach(target -> System.out.println("ATTEMPT " + target));
    System.out.flush();
    System.exit(0);
  }

  private static IOException refuse(String target) {
    ATTEMPTS.add(target);
    return new IOException("network access blocked by the test: " + target);
  }

  private static final class TrapHandler extends URLStreamHandler {
    @Override
    protected URLConnection openConnection(URL url) throws IOException {
      throw refuse(url.toString());
    }

    @Override
    protected URLConnection openConnection(URL url, Proxy proxy) throws IOException {
      throw refuse(url.toString());
    }
  }

  private static final class TrapSocket extends SocketImpl {
    @Override
    protected void create(boolean stream) {}

    @Override
    protected void connect(String host, int port) throws IOException {
      throw refuse("socket " + host + ":" + port);
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
      throw refuse("socket " + address + ":" + port);
    }

    @Override
    protected void connect(SocketAddress address, int timeout) throws IOException {
      throw refuse("socket " + address);
    }

    @Override
    protected void bind(InetAddress host, int port) throws IOException {
      throw refuse("bind " + host + ":" + port);
    }

    @Override
    protected void listen(int backlog) throws IOException {
      throw new SocketException("not supported");
    }

    @Override
    protected void accept(SocketImpl s) throws IOException {
      throw new SocketException("not supported");
    }

    @Override
    protected InputStream getInputStream() throws IOException {
      throw new SocketException("not connected");
    }

    @Override
    protected OutputStream getOutputStream() throws IOException {
      throw new SocketException("not connected");
    }

    @Override
    protected int available() {
      return 0;
    }

    @Override
    protected void close() {}

    @Override
    protected void sendUrgentData(int data) throws IOException {
      throw new SocketException("not connected");
    }

    @Override
    public void setOption(int optID, Object value) {}

    @Override
    public Object getOption(int optID) {
      return null;
    }
  }
}
