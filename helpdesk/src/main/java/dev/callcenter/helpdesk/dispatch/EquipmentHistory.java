package dev.callcenter.helpdesk.dispatch;

import java.util.List;

/**
 * A unit with its service history: the orders sent for it and their tickets, and its past visits
 * with what each took, in the same shape as a customer's service history.
 */
public record EquipmentHistory(
    Equipment equipment, List<DispatchOrder> orders, List<Long> ticketIds, ServiceHistory visits) {}
