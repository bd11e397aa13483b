package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The installed base. */
public interface EquipmentRepository {

  /** Empty when the product already has a unit with this serial number. */
  Optional<Long> insert(EquipmentDraft draft, Instant at);

  Optional<Equipment> find(long id);

  List<Equipment> forCustomer(long customerId);
}
