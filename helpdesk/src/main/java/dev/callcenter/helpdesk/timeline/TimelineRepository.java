package dev.callcenter.helpdesk.timeline;

import java.util.List;

/** Reads a customer's history across interactions and tickets. */
public interface TimelineRepository {

  /** One page of the customer's timeline, newest first. */
  List<TimelineEntry> forCustomer(long customerId, int limit, int offset);
}
