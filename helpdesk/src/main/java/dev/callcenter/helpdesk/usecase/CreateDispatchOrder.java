package dev.callcenter.helpdesk.usecase;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchOrderDraft;
import dev.callcenter.helpdesk.dispatch.DispatchOrderRepository;
import dev.callcenter.helpdesk.dispatch.DispatchPriority;
import dev.callcenter.helpdesk.dispatch.DispatchService;
import dev.callcenter.helpdesk.dispatch.Equipment;
import dev.callcenter.helpdesk.dispatch.EquipmentService;
import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.PartQuantity;
import dev.callcenter.helpdesk.dispatch.stock.StockService;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import java.time.Clock;
import java.util.Map;

/**
 * Creates a dispatch order from a ticket: the customer comes from the ticket, the site from the
 * draft or else the equipment, the skills from the draft or else the ticket, and the priority from
 * the ticket's priority, the customer's tier and the SLA. The one way an order comes to be.
 */
public final class CreateDispatchOrder {

  private final TicketService tickets;
  private final CustomerService customers;
  private final EquipmentService equipment;
  private final StockService stock;
  private final DispatchService dispatch;
  private final Clock clock;

  public CreateDispatchOrder(
      TicketService tickets,
      CustomerService customers,
      EquipmentService equipment,
      StockService stock,
      DispatchService dispatch,
      Clock clock) {
    this.tickets = tickets;
    this.customers = customers;
    this.equipment = equipment;
    this.stock = stock;
    this.dispatch = dispatch;
    this.clock = clock;
  }

  public DispatchOrder create(DispatchOrderDraft draft, Actor actor) {
    Ticket ticket = tickets.get(draft.ticketId());
    if (ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED) {
      throw new ConflictException(
          "ticket_not_open",
          "Ticket " + ticket.id() + " is " + ticket.status() + "; reopen it to send a technician",
          Map.of("ticketId", ticket.id(), "status", ticket.status().name()));
    }
    Customer customer = customers.get(ticket.customerId());
    Equipment unit = null;
    if (draft.equipmentId() != null) {
      unit = equipment.get(draft.equipmentId());
      if (unit.customerId() != customer.id()) {
        throw new ValidationException(
            "equipmentId", "equipment " + unit.id() + " is not the ticket's customer's");
      }
    }
    GeoPoint site;
    if (draft.lat() != null && draft.lon() != null) {
      site = new GeoPoint(draft.lat(), draft.lon());
    } else if (unit != null && unit.site() != null) {
      site = unit.site();
    } else {
      throw new ValidationException(
          "lat", "lat and lon are required unless the equipment has coordinates");
    }
    String address = draft.siteAddress();
    if (address == null && unit != null) {
      address = unit.siteAddress();
    }
    if (address == null) {
      address = customer.address();
    }
    if (address == null) {
      throw new ValidationException(
          "siteAddress", "is required: neither equipment nor customer has one");
    }
    for (PartQuantity p : draft.parts()) {
      try {
        stock.part(p.partId());
      } catch (RuntimeException e) {
        throw new ValidationException("parts", "part " + p.partId() + " does not exist");
      }
    }
    int priority =
        DispatchPriority.derive(
            ticket.priority(), customer.effectiveTier(), ticket.resolutionDueAt(), clock.instant());
    return dispatch.insert(
        new DispatchOrderRepository.NewOrder(
            ticket.id(),
            customer.id(),
            unit == null ? null : unit.id(),
            address,
            site,
            draft.requiredSkills().isEmpty() ? ticket.requiredSkills() : draft.requiredSkills(),
            draft.durationMinutes(),
            priority,
            draft.windowStart(),
            draft.windowEnd(),
            draft.parts(),
            draft.note()),
        actor);
  }
}
