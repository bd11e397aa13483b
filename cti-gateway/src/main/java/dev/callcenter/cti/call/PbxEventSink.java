package dev.callcenter.cti.call;

/** Receives translated PBX events, in order, on one thread. */
public interface PbxEventSink {
  void accept(PbxEvent event);

  /** The event connection went down: events may be lost until the next {@link PbxSnapshot}. */
  default void linkDown() {}
}
