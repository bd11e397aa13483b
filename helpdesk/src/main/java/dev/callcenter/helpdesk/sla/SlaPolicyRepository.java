package dev.callcenter.helpdesk.sla;

import java.util.List;

/** Storage of SLA policies. */
public interface SlaPolicyRepository {

  List<SlaPolicy> all();
}
