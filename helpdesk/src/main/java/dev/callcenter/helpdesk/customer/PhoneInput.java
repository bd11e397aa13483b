package dev.callcenter.helpdesk.customer;

import dev.callcenter.helpdesk.Fields;

/** A phone number as typed by a person or an import file, before normalisation. */
public record PhoneInput(PhoneType type, String number) {

  public PhoneInput {
    type = type == null ? PhoneType.OTHER : type;
    number = Fields.required("number", number, 40);
  }
}
