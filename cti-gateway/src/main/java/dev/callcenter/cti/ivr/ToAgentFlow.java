package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.helpdesk.customer.CustomerSummary;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the call back to the dialplan to wait for an agent: sets the variables {@code Queue()}
 * reads ({@code CC_NEXT=queue}, {@code CC_QUEUE}, {@code QUEUE_PRIO}, {@code CC_LANGUAGE}, {@code
 * CC_CALL_ID}, and when known {@code CC_CUSTOMER_ID} and {@code CC_TICKET_ID}), ends the journey
 * and says so. The queue follows language and product, or the default queue after a failure; VIP
 * customers get the higher priority.
 *
 * @param reason why the caller goes to an agent, for the journey
 * @param apologise whether something failed: an apology first, and the default queue
 */
record ToAgentFlow(Reason reason, boolean apologise) implements IvrFlow {

  /** Why a caller goes to an agent: the {@code reason} of the journey's TO_AGENT step. */
  enum Reason {
    /** The caller asked for an agent. */
    ASKED,
    /** No valid choice in a menu. */
    NO_CHOICE,
    /** Neither the caller number nor what the caller keyed identified them. */
    NOT_IDENTIFIED,
    /** No product chosen for a fault report. */
    NO_PRODUCT,
    /** No number to call back. */
    NO_CALLBACK_NUMBER,
    /** About the ticket just read out ({@code ticketId}). */
    ABOUT_TICKET,
    /** The help desk failed. */
    BACKEND_FAILURE,
    /** A bug or a rejected write. */
    ERROR
  }

  private static final Logger log = LoggerFactory.getLogger(ToAgentFlow.class);

  /** The caller goes to an agent for {@code reason}; nothing failed. */
  static ToAgentFlow because(Reason reason) {
    return new ToAgentFlow(reason, false);
  }

  /** Something failed: an apology, and the default queue. */
  static ToAgentFlow afterFailure(Reason reason) {
    return new ToAgentFlow(reason, true);
  }

  @Override
  public Next run(CallContext call) {
    IvrMenus menus = call.menus();
    AgiChannel channel = call.channel();
    String lang = call.language() != null ? call.language() : menus.defaultLanguage();
    CustomerSummary customer = call.customer();
    boolean vip = customer != null && customer.tier() == Tier.VIP;
    String queue =
        apologise
            ? menus.routing().defaultQueue()
            : menus.routing().queueFor(call.language(), call.product());
    call.queue(queue);
    int priority = menus.routing().priorityFor(vip);
    channel.setVariable("CC_NEXT", "queue");
    channel.setVariable("CC_QUEUE", queue);
    channel.setVariable("QUEUE_PRIO", Integer.toString(priority));
    channel.setVariable("CC_LANGUAGE", lang);
    channel.setVariable("CC_CALL_ID", call.callId());
    if (customer != null) {
      channel.setVariable("CC_CUSTOMER_ID", Long.toString(customer.id()));
    }
    if (call.ticketId() != null) {
      channel.setVariable("CC_TICKET_ID", Long.toString(call.ticketId()));
    }
    Map<String, String> params = new java.util.TreeMap<>();
    params.put("reason", reason.name());
    params.put("queue", queue);
    params.put("priority", Integer.toString(priority));
    if (call.ticketId() != null && reason == Reason.ABOUT_TICKET) {
      params.put("ticketId", Long.toString(call.ticketId()));
    }
    call.journal().step("agent", null, IvrStepCode.TO_AGENT, params);
    log.debug(
        "IVR call {} to queue {} priority {} ({}), customer {}",
        call.callId(),
        queue,
        priority,
        reason,
        customer == null ? "unknown" : customer.id());
    call.finish(IvrOutcome.AGENT, queue, priority);
    if (apologise) {
      channel.streamFile(menus.prompt("apology", lang));
    }
    channel.streamFile(menus.prompt("transfer", lang));
    return Next.LEFT_IVR;
  }
}
