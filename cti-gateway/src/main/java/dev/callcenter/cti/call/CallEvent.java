package dev.callcenter.cti.call;

/** A step in the life of one call, keyed by the call id (Asterisk's Linkedid, opaque). */
public sealed interface CallEvent extends PbxEvent
    permits CallOffered,
        OriginateResult,
        CallQueued,
        AgentRinging,
        AgentAnswered,
        AgentNoAnswer,
        CallAbandoned,
        CallCompleted,
        CallHungUp,
        CallRecording,
        CallHeld,
        PhoneDialed,
        DialEnded,
        HangUpRequested {
  String callId();
}
