package dev.callcenter.helpdesk.dispatch;

import java.util.List;

/** A unit with its service history: the orders sent for it and their tickets. */
public record EquipmentHistory(
    Equipment equipment, List<DispatchOrder> orders, List<Long> ticketIds) {}
