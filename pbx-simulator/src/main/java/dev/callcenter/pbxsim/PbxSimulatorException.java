package dev.callcenter.pbxsim;

/** Root of the simulator's own failures (cannot bind, unknown queue in a scenario…). */
public class PbxSimulatorException extends RuntimeException {
  public PbxSimulatorException(String message) {
    super(message);
  }

  public PbxSimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
