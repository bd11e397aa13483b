package dev.callcenter.helpdesk.dispatch.stock;

import java.math.BigDecimal;

/** A catalogue entry: a part a technician may carry and use (serialized: units have serials). */
public record Part(long id, String number, String name, BigDecimal unitCost, boolean serialized) {}
