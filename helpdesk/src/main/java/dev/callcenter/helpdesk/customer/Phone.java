package dev.callcenter.helpdesk.customer;

/**
 * A stored phone number.
 *
 * @param original the text as entered, for display
 * @param e164 the normalised key used for caller identification (bare digits for extensions)
 */
public record Phone(PhoneType type, String original, String e164) {}
