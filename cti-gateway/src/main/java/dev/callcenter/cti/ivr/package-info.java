/**
 * The IVR: the FastAGI scripts {@code ivr} (identify the caller, ticket status, fault report,
 * callback, agent by priority) and {@code survey}, their menus from configuration, and the journey
 * each caller leaves for the agent's screen pop. {@link dev.callcenter.cti.ivr.IvrServer} is the
 * entry point.
 *
 * <p>Each flow is one class implementing {@link dev.callcenter.cti.ivr.IvrFlow} over the call's
 * {@link dev.callcenter.cti.ivr.CallContext}. A key of the main menu maps to a {@link
 * dev.callcenter.cti.ivr.menu.MenuAction}, and {@link dev.callcenter.cti.ivr.MainMenuFlow#flowFor}
 * maps each action to its flow. A new main-menu flow is: its class, its action, its case in {@code
 * flowFor} (the compiler asks for it), and its key in {@code config/ivr-menus.conf}.
 */
package dev.callcenter.cti.ivr;
