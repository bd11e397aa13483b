package dev.callcenter.helpdesk.dispatch;

import java.util.List;

/** Past visits (completed, could not complete, closed, cancelled) with their figures. */
public interface ServiceHistoryRepository {

  /** Whose history: a customer's or a unit's. */
  enum Of {
    CUSTOMER("customer_id"),
    EQUIPMENT("equipment_id");

    final String column;

    Of(String column) {
      this.column = column;
    }
  }

  /** The past visits of the customer or unit {@code id}, newest first, then by id. */
  List<ServiceVisit> visits(Of of, long id, int offset, int limit);

  /** The totals over every past visit of the customer or unit {@code id}. */
  ServiceTotals totals(Of of, long id);

  /** The customer has an order planned on the technician now, in any state. */
  boolean hasOrderOf(long customerId, long technicianId);
}
