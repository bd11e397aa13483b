package dev.callcenter.pbxsim.agi;

/** How an AGI session ended, and the {@code AGISTATUS} the dialplan would see. */
public sealed interface AgiEnding {
  String agiStatus();

  /**
   * The server closed the connection while the channel was up.
   *
   * @param commandFailed whether a command failed with the caller still there ({@code STREAM FILE}
   *     of a missing file, a {@code SAY …} without its sounds): res_agi then reports {@code
   *     FAILURE} for the whole session, though the script ran to its end
   */
  record ScriptReturned(boolean commandFailed) implements AgiEnding {
    public ScriptReturned() {
      this(false);
    }

    @Override
    public String agiStatus() {
      return commandFailed ? "FAILURE" : "SUCCESS";
    }
  }

  /** The caller hung up during the {@code getData}-th {@code GET DATA}. */
  record CallerHungUp(int getData) implements AgiEnding {
    @Override
    public String agiStatus() {
      return "HANGUP";
    }
  }

  /** The script sent {@code HANGUP}. */
  record ScriptHungUp() implements AgiEnding {
    @Override
    public String agiStatus() {
      return "HANGUP";
    }
  }

  /** No AGI session: the server could not be reached or broke the connection. */
  record Failed(String reason) implements AgiEnding {
    @Override
    public String agiStatus() {
      return "FAILURE";
    }
  }
}
