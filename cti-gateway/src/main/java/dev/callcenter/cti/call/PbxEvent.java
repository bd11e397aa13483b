package dev.callcenter.cti.call;

import java.time.Instant;

/** Something the PBX reported, already translated into our vocabulary. */
public sealed interface PbxEvent
    permits CallEvent, MemberEvent, PbxSnapshot, PbxRestarting, PbxBooted {
  /** When the PBX reported it. */
  Instant at();
}
