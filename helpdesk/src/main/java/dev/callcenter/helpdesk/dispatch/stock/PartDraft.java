package dev.callcenter.helpdesk.dispatch.stock;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.math.BigDecimal;

/**
 * A new catalogue entry; the number is unique.
 *
 * @param serialized its units carry serial numbers, recorded when one is used (default false)
 */
public record PartDraft(String number, String name, BigDecimal unitCost, Boolean serialized) {

  public PartDraft(String number, String name, BigDecimal unitCost) {
    this(number, name, unitCost, false);
  }

  public PartDraft {
    serialized = Boolean.TRUE.equals(serialized);
    number = Fields.required("number", number, 64);
    name = Fields.required("name", name, 200);
    Fields.notNull("unitCost", unitCost);
    if (unitCost.signum() < 0 || unitCost.compareTo(new BigDecimal("9999999999")) > 0) {
      throw new ValidationException("unitCost", "must be from 0 to 9999999999");
    }
    if (unitCost.scale() > 2) {
      throw new ValidationException("unitCost", "must have at most two decimals");
    }
  }
}
