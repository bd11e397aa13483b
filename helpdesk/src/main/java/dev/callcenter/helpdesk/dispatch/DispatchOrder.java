package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * A stored dispatch order: one visit to a customer's site for a ticket.
 *
 * @param priority 1 (lowest) to 100, from the ticket's priority, the customer's tier and the SLA
 * @param windowStart start of the arrival window promised to the customer
 * @param windowEnd end of that window: the technician starts work by then
 * @param statusReason why it could not be completed or was cancelled
 * @param technicianId the technician it is planned on, null while unscheduled
 * @param plannedStart when work is planned to start, null while unscheduled
 * @param pinned re-planning keeps it with its technician
 * @param explanation the optimiser's reasons for this technician and slot, null if never planned
 */
public record DispatchOrder(
    long id,
    long ticketId,
    long customerId,
    String customerName,
    Long equipmentId,
    String siteAddress,
    GeoPoint site,
    List<String> requiredSkills,
    int durationMinutes,
    int priority,
    Instant windowStart,
    Instant windowEnd,
    DispatchStatus status,
    String statusReason,
    Long technicianId,
    Instant plannedStart,
    Instant plannedEnd,
    boolean pinned,
    String explanation,
    String note,
    List<PartQuantity> parts,
    Long createdBy,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public DispatchOrder {
    requiredSkills = List.copyOf(requiredSkills);
    parts = List.copyOf(parts);
  }
}
