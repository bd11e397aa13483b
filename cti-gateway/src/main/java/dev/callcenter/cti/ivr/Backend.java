package dev.callcenter.cti.ivr;

import dev.callcenter.helpdesk.HelpdeskException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs help-desk calls for IVR sessions with a deadline, so a caller never waits in silence on a
 * slow or stopped database: past the deadline, or on any failure that is not a business answer (not
 * found, invalid), it throws {@link BackendFailure}.
 */
final class Backend implements AutoCloseable {

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Duration timeout;

  Backend(Duration timeout) {
    this.timeout = timeout;
  }

  <T> T call(String what, Supplier<T> work) {
    // the help desk's log lines carry the session's callId (and ticketId) too
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Future<T> future =
        executor.submit(
            () -> {
              if (mdc != null) {
                MDC.setContextMap(mdc);
              }
              return work.get();
            });
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // not interrupted: interrupting a virtual thread in socket I/O closes the database
      // connection; the statement ends on its own and returns its connection to the pool
      future.cancel(false);
      throw new BackendFailure(what + " took longer than " + timeout, e);
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new BackendFailure(what + " interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HelpdeskException h && h.kind() != HelpdeskException.Kind.UNAVAILABLE) {
        throw h;
      }
      throw new BackendFailure(what + " failed: " + cause, cause);
    }
  }

  void run(String what, Runnable work) {
    call(
        what,
        () -> {
          work.run();
          return null;
        });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
