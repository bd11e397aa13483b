package dev.callcenter.cti.call;

/**
 * The connection to one PBX as the gateway uses it: commands out, events in (to the sink given at
 * start), its health, and a rebuild of the picture on request. The AMI client is today's only
 * implementation; a clustered one (the node holding the PBX lock relays) would be a second.
 */
public interface PbxLink extends PbxCommands, AutoCloseable {

  /** Starts connecting in the background, delivering every event to {@code sink}. */
  void start(PbxEventSink sink);

  /** The link's state and counters. */
  PbxLinkStatus status();

  /** Rebuilds the sink's picture from the PBX as soon as possible (calls, queues, members). */
  void requestResync();

  @Override
  void close();
}
