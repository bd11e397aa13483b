package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The installed base and each unit's service history. */
public final class EquipmentService {

  private final EquipmentRepository equipment;
  private final DispatchOrderRepository orders;
  private final CustomerRepository customers;
  private final ServiceHistoryService serviceHistory;
  private final Clock clock;

  public EquipmentService(
      EquipmentRepository equipment,
      DispatchOrderRepository orders,
      CustomerRepository customers,
      ServiceHistoryService serviceHistory,
      Clock clock) {
    this.equipment = equipment;
    this.orders = orders;
    this.customers = customers;
    this.serviceHistory = serviceHistory;
    this.clock = clock;
  }

  public Equipment create(EquipmentDraft draft) {
    if (!customers.exists(draft.customerId())) {
      throw new ValidationException(
          "customerId", "customer " + draft.customerId() + " does not exist");
    }
    long id =
        equipment
            .insert(draft, clock.instant())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "equipment_serial_taken",
                        draft.product()
                            + " serial "
                            + draft.serialNumber()
                            + " is recorded already",
                        Map.of("serialNumber", draft.serialNumber())));
    return get(id);
  }

  public Equipment get(long id) {
    return equipment.find(id).orElseThrow(() -> new NotFoundException("equipment", id));
  }

  public List<Equipment> forCustomer(long customerId) {
    if (!customers.exists(customerId)) {
      throw new NotFoundException("customer", customerId);
    }
    return equipment.forCustomer(customerId);
  }

  /**
   * The unit with the orders sent for it, newest first, their tickets, and a page of its past
   * visits with their figures.
   */
  public EquipmentHistory history(long id, int offset, int limit) {
    Equipment e = get(id);
    List<DispatchOrder> list = orders.forEquipment(id);
    return new EquipmentHistory(
        e,
        list,
        list.stream().map(DispatchOrder::ticketId).distinct().toList(),
        serviceHistory.ofEquipment(id, offset, limit));
  }
}
