package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.MenuChoice;
import dev.callcenter.cti.ivr.menu.MenuName;
import dev.callcenter.helpdesk.followup.CallbackDraft;
import dev.callcenter.helpdesk.followup.FollowUpKind;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import dev.callcenter.helpdesk.user.User;
import java.util.Map;

/**
 * Books a callback on the caller's number or one they key in: a follow-up for the queue the call
 * would have waited in, owned by {@code routing.callback-owner}; the caller hears the number back
 * and the dialplan hangs up ({@code CC_NEXT=hangup}). Without a number the caller goes to an agent.
 */
final class CallbackFlow implements IvrFlow {

  @Override
  public Next run(CallContext call) {
    IvrMenus menus = call.menus();
    MenuResult r = call.play(MenuName.CALLBACK);
    String number = null;
    if (r instanceof MenuResult.Chosen c
        && MenuChoice.of(MenuChoice.CallbackNumber.class, c.value())
            == MenuChoice.CallbackNumber.THIS_NUMBER
        && call.callerNumber() != null) {
      number = call.callerNumber();
    } else if (r instanceof MenuResult.Chosen) {
      MenuResult n = call.play(MenuName.CALLBACK_NUMBER);
      number = n instanceof MenuResult.Entered e ? e.digits() : null;
    }
    if (number == null) {
      return ToAgentFlow.because(ToAgentFlow.Reason.NO_CALLBACK_NUMBER).run(call);
    }
    String callbackNumber = number;
    String callbackQueue = menus.routing().queueFor(call.language(), call.product());
    User owner = call.callbackOwner();
    CallbackDraft draft =
        new CallbackDraft(
            FollowUpKind.CALLBACK_IVR,
            Map.of(
                "callId",
                call.callId(),
                "number",
                callbackNumber,
                "queue",
                callbackQueue,
                "language",
                call.language()),
            call.clock().instant().plus(menus.routing().callbackDue()),
            owner.id(),
            callbackQueue,
            call.customer().id(),
            call.ticketId());
    long followUp =
        call.backend()
            .call("create callback", () -> call.services().followUps().createCallback(draft))
            .id();
    call.queue(callbackQueue);
    call.journal()
        .step(
            "callback",
            callbackNumber,
            IvrStepCode.CALLBACK_BOOKED,
            Map.of("followUpId", Long.toString(followUp), "queue", callbackQueue));
    call.finish(IvrOutcome.CALLBACK, callbackQueue, null);
    AgiChannel channel = call.channel();
    channel.setVariable("CC_NEXT", "hangup");
    channel.setVariable("CC_CALL_ID", call.callId());
    call.say("callback-confirm");
    channel.sayDigits(callbackNumber);
    call.say("goodbye");
    return Next.LEFT_IVR;
  }
}
