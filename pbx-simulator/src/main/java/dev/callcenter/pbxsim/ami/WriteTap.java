package dev.callcenter.pbxsim.ami;

/** Sees each packet flushed to a client's socket. Called on the writer thread: keep it short. */
@FunctionalInterface
public interface WriteTap {
  /**
   * @param session the AMI session (connection) id
   * @param packet the bytes written
   * @param flushedNanos {@link System#nanoTime()} right after the flush
   */
  void written(long session, byte[] packet, long flushedNanos);
}
