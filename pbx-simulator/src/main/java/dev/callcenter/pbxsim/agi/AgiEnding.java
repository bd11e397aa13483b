package dev.callcenter.pbxsim.agi;

/** How an AGI session ended, and the {@code AGISTATUS} the dialplan would see. */
public sealed interface AgiEnding {
  String agiStatus();

  /** The server closed the connection while the channel was up. */
  record ScriptReturned() implements AgiEnding {
    @Override
    public String agiStatus() {
      return "SUCCESS";
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
