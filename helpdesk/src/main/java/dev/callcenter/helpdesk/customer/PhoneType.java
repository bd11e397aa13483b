package dev.callcenter.helpdesk.customer;

/** What kind of line a customer's phone number is. */
public enum PhoneType {
  MOBILE,
  WORK,
  HOME,
  FAX,
  OTHER
}
