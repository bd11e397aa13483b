package dev.callcenter.helpdesk.interaction;

/** The channel a contact happened on (seed 001: e-mail, phone call, fax, to-do …). */
public enum Channel {
  PHONE_IN,
  PHONE_OUT,
  EMAIL,
  FAX,
  WEB,
  VISIT,
  CHAT,
  NOTE
}
