package dev.callcenter.helpdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.dispatch.stock.PartDraft;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatchServiceTest {

  private static final AtomicInteger USERS = new AtomicInteger();

  private final TicketKit kit = new TicketKit();
  private final DispatchService dispatch = kit.helpdesk.dispatch();
  private final User supervisor = user(Role.SUPERVISOR);
  private final Actor dispatcher = new Actor(supervisor, "10.0.0.9");

  @AfterEach
  void close() {
    kit.close();
  }

  private User user(Role role) {
    long id =
        kit.users.upsert(
            role.name().toLowerCase() + "-d" + USERS.incrementAndGet(),
            role + " " + USERS.get(),
            "x",
            Set.of(role),
            "zh-TW");
    return kit.users.find(id).orElseThrow();
  }

  private Technician technician(String... skills) {
    User u = user(Role.TECHNICIAN);
    var hours = new ArrayList<WorkingHours>();
    for (DayOfWeek d : DayOfWeek.values()) {
      hours.add(new WorkingHours(d, LocalTime.of(8, 0), LocalTime.of(17, 0)));
    }
    return kit.helpdesk
        .technicians()
        .save(u.id(), new TechnicianProfile(List.of(skills), 25.04, 121.55, null, hours));
  }

  private DispatchOrder order(Tier tier, Priority priority, List<PartQuantity> parts) {
    var customer = kit.customer("Customer " + USERS.incrementAndGet(), tier);
    var ticket = kit.open(TicketType.FAULT_REPORT, priority, customer.id(), supervisor.id());
    Instant start = kit.clock.instant().plus(Duration.ofHours(1));
    return kit.helpdesk
        .createDispatchOrder()
        .create(
            new DispatchOrderDraft(
                ticket.id(),
                null,
                "台北市信義區松仁路 100 號",
                25.03,
                121.56,
                List.of("hvac"),
                60,
                start,
                start.plus(Duration.ofHours(3)),
                parts,
                null),
            dispatcher);
  }

  @Test
  void orderFromATicketTakesItsCustomerAndDerivesPriorityFromTicketTierAndSla() {
    DispatchOrder normal = order(Tier.STANDARD, Priority.NORMAL, List.of());
    DispatchOrder vipUrgent = order(Tier.VIP, Priority.URGENT, List.of());

    assertThat(normal.status()).isEqualTo(DispatchStatus.UNSCHEDULED);
    assertThat(normal.customerName()).startsWith("Customer ");
    assertThat(normal.requiredSkills()).containsExactly("hvac");
    assertThat(vipUrgent.priority()).isGreaterThan(normal.priority() + 50);
    assertThat(dispatch.forTicket(normal.ticketId(), dispatcher))
        .extracting(DispatchOrder::id)
        .containsExactly(normal.id());
    assertThat(dispatch.history(normal.id(), dispatcher))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("created");
              assertThat(e.actorId()).isEqualTo(supervisor.id());
              assertThat(e.address()).isEqualTo("10.0.0.9");
            });
  }

  @Test
  void workflowIsAuditedAndRefusesSkippedSteps() {
    Technician tech = technician("hvac");
    Actor techActor = new Actor(kit.users.find(tech.userId()).orElseThrow(), "192.0.2.7");
    DispatchOrder o = order(Tier.STANDARD, Priority.HIGH, List.of());
    dispatch.schedule(o.id(), tech.userId(), o.windowStart(), null, dispatcher);

    assertThatThrownBy(
            () -> dispatch.changeStatus(o.id(), DispatchStatus.COMPLETED, null, techActor))
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("code", "dispatch_transition_invalid");
    dispatch.changeStatus(o.id(), DispatchStatus.EN_ROUTE, null, techActor);
    dispatch.changeStatus(o.id(), DispatchStatus.ON_SITE, null, techActor);
    assertThatThrownBy(
            () -> dispatch.changeStatus(o.id(), DispatchStatus.CANNOT_COMPLETE, " ", techActor))
        .hasFieldOrPropertyWithValue("code", "invalid_field");
    DispatchOrder stuck =
        dispatch.changeStatus(o.id(), DispatchStatus.CANNOT_COMPLETE, "part missing", techActor);
    assertThat(stuck.statusReason()).isEqualTo("part missing");
    dispatch.changeStatus(o.id(), DispatchStatus.CLOSED, null, dispatcher);

    assertThat(dispatch.history(o.id(), dispatcher))
        .extracting(OrderAuditEntry::toStatus)
        .containsExactly(
            DispatchStatus.UNSCHEDULED,
            DispatchStatus.SCHEDULED,
            DispatchStatus.EN_ROUTE,
            DispatchStatus.ON_SITE,
            DispatchStatus.CANNOT_COMPLETE,
            DispatchStatus.CLOSED);
    assertThat(dispatch.history(o.id(), dispatcher).get(2).address()).isEqualTo("192.0.2.7");
  }

  @Test
  void aTechnicianNeitherSeesNorChangesAnotherTechniciansOrder() {
    Technician mine = technician("hvac");
    Technician other = technician("hvac");
    Actor me = new Actor(kit.users.find(mine.userId()).orElseThrow(), null);
    DispatchOrder theirs = order(Tier.STANDARD, Priority.NORMAL, List.of());
    dispatch.schedule(theirs.id(), other.userId(), theirs.windowStart(), null, dispatcher);

    assertThatThrownBy(() -> dispatch.get(theirs.id(), me)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> dispatch.changeStatus(theirs.id(), DispatchStatus.EN_ROUTE, null, me))
        .isInstanceOf(NotFoundException.class);
    assertThat(dispatch.list(new OrderQuery(null, null, null, null, null, 100), me)).isEmpty();
    assertThatThrownBy(() -> dispatch.pin(theirs.id(), true, me))
        .isInstanceOf(HelpdeskException.class)
        .hasFieldOrPropertyWithValue("code", "dispatch_forbidden");
    assertThat(dispatch.get(theirs.id(), dispatcher).status()).isEqualTo(DispatchStatus.SCHEDULED);
  }

  @Test
  void schedulingReservesExpectedPartsInTheVanAndCancellingGivesThemBack() {
    var stock = kit.helpdesk.stock();
    var part = stock.createPart(new PartDraft("FLT-1", "Filter", new BigDecimal("12.50")));
    Technician tech = technician("hvac");
    stock.receive(tech.vanLocationId(), part.id(), 1, supervisor.id());
    DispatchOrder first =
        order(Tier.STANDARD, Priority.NORMAL, List.of(new PartQuantity(part.id(), 1)));
    DispatchOrder second =
        order(Tier.STANDARD, Priority.NORMAL, List.of(new PartQuantity(part.id(), 1)));

    dispatch.schedule(first.id(), tech.userId(), first.windowStart(), null, dispatcher);
    assertThatThrownBy(
            () ->
                dispatch.schedule(
                    second.id(), tech.userId(), second.windowStart(), null, dispatcher))
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("code", "stock_insufficient");
    assertThat(dispatch.get(second.id(), dispatcher).status())
        .isEqualTo(DispatchStatus.UNSCHEDULED);

    dispatch.changeStatus(first.id(), DispatchStatus.CANCELLED, "customer fixed it", dispatcher);
    assertThat(stock.levels(tech.vanLocationId(), part.id()))
        .singleElement()
        .satisfies(l -> assertThat(l.available()).isEqualTo(1));
    dispatch.schedule(second.id(), tech.userId(), second.windowStart(), null, dispatcher);
  }

  @Test
  void twoTechniciansUsingTheLastUnitAtOnceOneWinsTheOtherGets409() throws Exception {
    var stock = kit.helpdesk.stock();
    var part = stock.createPart(new PartDraft("CAP-9", "Capacitor", new BigDecimal("3.00")));
    long warehouse = stock.createWarehouse("Main").id();
    stock.receive(warehouse, part.id(), 1, supervisor.id());
    DispatchOrder a = order(Tier.STANDARD, Priority.NORMAL, List.of());
    DispatchOrder b = order(Tier.STANDARD, Priority.NORMAL, List.of());

    for (int round = 0; round < 5; round++) {
      if (round > 0) {
        stock.receive(warehouse, part.id(), 1, supervisor.id());
      }
      var ready = new CountDownLatch(2);
      var go = new CountDownLatch(1);
      List<Callable<String>> both = new ArrayList<>();
      for (long orderId : List.of(a.id(), b.id())) {
        both.add(
            () -> {
              ready.countDown();
              go.await();
              try {
                stock.consume(orderId, part.id(), warehouse, 1, supervisor.id());
                return "used";
              } catch (ConflictException e) {
                return e.code();
              }
            });
      }
      try (var pool = Executors.newFixedThreadPool(2)) {
        List<Future<String>> results = new ArrayList<>();
        for (var task : both) {
          results.add(pool.submit(task));
        }
        ready.await();
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (var f : results) {
          outcomes.add(f.get());
        }
        assertThat(outcomes).containsExactlyInAnyOrder("used", "stock_insufficient");
      }
      assertThat(stock.levels(warehouse, part.id()))
          .singleElement()
          .satisfies(l -> assertThat(l.onHand()).isZero());
    }
    assertThat(stock.moves(part.id(), warehouse))
        .filteredOn(m -> m.kind() == dev.callcenter.helpdesk.dispatch.stock.StockMove.Kind.CONSUME)
        .hasSize(5);
  }

  @Test
  void onlyADispatchersOverrideWithAReasonTakesTheVanBelowZeroAndTheAuditSaysWhy() {
    var stock = kit.helpdesk.stock();
    var part = stock.createPart(new PartDraft("BLT-4", "Belt", new BigDecimal("8.00")));
    Technician tech = technician("hvac");
    stock.receive(tech.vanLocationId(), part.id(), 1, supervisor.id());
    DispatchOrder o =
        order(Tier.STANDARD, Priority.NORMAL, List.of(new PartQuantity(part.id(), 1)));
    dispatch.schedule(o.id(), tech.userId(), o.windowStart(), null, dispatcher);
    User techUser = kit.users.find(tech.userId()).orElseThrow();
    Actor techActor = new Actor(techUser, "10.0.0.20");
    dispatch.changeStatus(o.id(), DispatchStatus.EN_ROUTE, null, techActor);
    dispatch.changeStatus(o.id(), DispatchStatus.ON_SITE, null, techActor);

    // The technician used three belts; the van shows one (reserved for this order).
    assertThatThrownBy(() -> dispatch.useParts(o.id(), part.id(), 3, techActor))
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("code", "stock_insufficient");
    assertThatThrownBy(
            () -> dispatch.usePartsBeyondStock(o.id(), part.id(), 3, "had them", techActor))
        .isInstanceOf(HelpdeskException.class)
        .hasFieldOrPropertyWithValue("code", "dispatch_forbidden");
    assertThatThrownBy(() -> dispatch.usePartsBeyondStock(o.id(), part.id(), 3, " ", dispatcher))
        .isInstanceOf(HelpdeskException.class)
        .hasMessageContaining("reason");

    var move =
        dispatch.usePartsBeyondStock(
            o.id(), part.id(), 3, "van count was wrong; two belts from the last job", dispatcher);

    assertThat(move.kind())
        .isEqualTo(dev.callcenter.helpdesk.dispatch.stock.StockMove.Kind.CONSUME_OVERRIDE);
    assertThat(stock.levels(tech.vanLocationId(), part.id()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.onHand()).isEqualTo(-2);
              assertThat(l.reserved()).isZero();
            });
    assertThat(dispatch.history(o.id(), dispatcher))
        .filteredOn(e -> e.action().equals("parts-override"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.detail()).contains("3 × part").contains("two belts from the last job");
              assertThat(e.address()).isEqualTo("10.0.0.9");
            });
    // Below zero nothing else can be taken or reserved until stock arrives.
    assertThatThrownBy(() -> stock.consume(o.id(), part.id(), tech.vanLocationId(), 1, null))
        .isInstanceOf(ConflictException.class);
  }
}
