package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.MenuName;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.CustomerSummary;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds out who is calling and in which language: by caller number, else by a customer number,
 * account number or registered phone keyed in (three strikes); the language is the customer's
 * preference, else the caller's choice. An unidentified caller goes to an agent.
 */
final class IdentifyFlow implements IvrFlow {

  private static final int STRIKES = 3;

  @Override
  public Next run(CallContext call) {
    IvrMenus menus = call.menus();
    String number = call.callerNumber();
    CallerLookup lookup =
        call.backend().call("caller lookup", () -> call.services().customers().lookup(number));
    CustomerSummary customer = null;
    if (lookup.result() == CallerLookup.Result.KNOWN) {
      customer = lookup.customers().getFirst();
      call.journal()
          .step(
              "identify",
              null,
              IvrStepCode.KNOWN_BY_NUMBER,
              Map.of("customerId", Long.toString(customer.id())));
    } else {
      call.journal()
          .step(
              "identify",
              null,
              IvrStepCode.NOT_KNOWN_BY_NUMBER,
              Map.of("lookup", lookup.result().name()));
    }
    call.customer(customer);
    if (customer != null && menus.languages().contains(customer.language())) {
      call.language(customer.language());
      call.journal()
          .step(
              "language",
              null,
              IvrStepCode.LANGUAGE_PREFERRED,
              Map.of("language", call.language()));
    } else {
      call.language(chooseLanguage(call));
    }
    call.channel().setVariable("CHANNEL(language)", menus.channelLanguage().get(call.language()));
    if (customer == null) {
      customer = identifyByEntry(call, lookup);
      call.customer(customer);
      if (customer == null) {
        call.journal().identify(null, call.language());
        return ToAgentFlow.because(ToAgentFlow.Reason.NOT_IDENTIFIED).run(call);
      }
    }
    call.journal().identify(customer.id(), call.language());
    return Next.MAIN_MENU;
  }

  private static String chooseLanguage(CallContext call) {
    IvrMenus menus = call.menus();
    if (menus.languages().size() == 1) {
      return menus.defaultLanguage();
    }
    if (call.play(MenuName.LANGUAGE, menus.defaultLanguage()) instanceof MenuResult.Chosen c) {
      return c.value();
    }
    call.journal()
        .step(
            "language",
            null,
            IvrStepCode.LANGUAGE_DEFAULT,
            Map.of("language", menus.defaultLanguage()));
    return menus.defaultLanguage();
  }

  /** Customer number or registered phone by DTMF; null after three strikes or silence. */
  private static CustomerSummary identifyByEntry(CallContext call, CallerLookup byCallerNumber) {
    Set<Long> candidates =
        byCallerNumber.result() == CallerLookup.Result.AMBIGUOUS
            ? byCallerNumber.customers().stream()
                .map(CustomerSummary::id)
                .collect(Collectors.toSet())
            : Set.of();
    for (int strike = 1; strike <= STRIKES; strike++) {
      if (!(call.play(MenuName.IDENTIFY) instanceof MenuResult.Entered entered)) {
        return null;
      }
      CustomerSummary found = resolve(call, entered.digits(), candidates);
      if (found != null) {
        call.journal()
            .step(
                "identify",
                entered.digits(),
                IvrStepCode.IDENTIFIED,
                Map.of("customerId", Long.toString(found.id())));
        return found;
      }
      call.journal()
          .step(
              "identify",
              entered.digits(),
              IvrStepCode.NO_MATCH,
              Map.of("strike", Integer.toString(strike)));
      call.say("not-identified");
    }
    return null;
  }

  /**
   * The customer the caller keyed in: a customer number (the help desk's id, up to 9 digits without
   * a leading 0), else an account number (the customer's external reference), else a registered
   * phone number. When the caller number was shared by several customers, only one of them is
   * accepted.
   */
  private static CustomerSummary resolve(CallContext call, String digits, Set<Long> candidates) {
    CustomerService customers = call.services().customers();
    Backend backend = call.backend();
    CustomerSummary found = null;
    if (digits.length() <= 9 && !digits.startsWith("0")) {
      long id = Long.parseLong(digits);
      try {
        found = backend.call("customer by number", () -> customers.get(id)).summary();
      } catch (NotFoundException e) {
        found = null;
      }
    }
    if (found == null) {
      found =
          backend
              .call("customer by account", () -> customers.byExternalRef(digits))
              .map(Customer::summary)
              .orElse(null);
    }
    if (found == null) {
      CallerLookup byPhone = backend.call("phone lookup", () -> customers.lookup(digits));
      found = byPhone.result() == CallerLookup.Result.KNOWN ? byPhone.customers().getFirst() : null;
    }
    if (found != null && !candidates.isEmpty() && !candidates.contains(found.id())) {
      return null;
    }
    return found;
  }
}
