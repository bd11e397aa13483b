package dev.callcenter.helpdesk.dispatch.stock;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.math.BigDecimal;

/** A new catalogue entry; the number is unique. */
public record PartDraft(String number, String name, BigDecimal unitCost) {

  public PartDraft {
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
