package dev.callcenter.cti.call;

/** A change of an agent's membership or state in one queue; the agent is its interface. */
public sealed interface MemberEvent extends PbxEvent
    permits MemberAdded, MemberRemoved, MemberPaused, MemberStatusChanged {
  String queue();

  String agentInterface();

  String memberName();
}
