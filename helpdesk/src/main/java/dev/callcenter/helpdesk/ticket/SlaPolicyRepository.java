package dev.callcenter.helpdesk.ticket;

import java.util.List;

/** Storage of SLA policies. */
public interface SlaPolicyRepository {

  List<SlaPolicy> all();
}
