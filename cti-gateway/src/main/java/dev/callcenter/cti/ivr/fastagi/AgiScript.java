package dev.callcenter.cti.ivr.fastagi;

/** What runs for one FastAGI session of a mapped script name; returns to the dialplan when done. */
@FunctionalInterface
public interface AgiScript {
  void run(AgiRequest request, AgiChannel channel);
}
