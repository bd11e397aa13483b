/**
 * The IVR: the FastAGI scripts {@code ivr} (identify the caller, ticket status, fault report,
 * callback, agent by priority) and {@code survey}, their menus from configuration, and the journey
 * each caller leaves for the agent's screen pop. {@link dev.callcenter.cti.ivr.IvrServer} is the
 * entry point.
 */
package dev.callcenter.cti.ivr;
