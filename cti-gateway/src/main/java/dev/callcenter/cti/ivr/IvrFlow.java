package dev.callcenter.cti.ivr;

/**
 * One part of a caller's way through the IVR (identify, ticket status, fault report, callback, to
 * an agent …), run on the call's context. Flows keep no state of their own: whatever the call
 * learns goes into the {@link CallContext}.
 */
interface IvrFlow {

  /** Runs the flow on {@code call}; says where the caller is when it returns. */
  Next run(CallContext call);

  /** Where the caller is when a flow returns. */
  enum Next {
    /** Still in the IVR: on to the main menu (or, before it, the next flow of the script). */
    MAIN_MENU,
    /** Gone: to an agent's queue, to a callback and hang-up; the session ends. */
    LEFT_IVR
  }
}
