/**
 * What the server pushes to agents' and supervisors' screens over {@code /ws}: one sealed hierarchy
 * of records, {@link dev.callcenter.cti.push.LiveMessage}. It lives in cti-gateway, in a package of
 * its own rather than in {@code cti.pop}, because both agent-ui (which encodes and delivers the
 * messages) and server (which pushes SLA events) depend on this module while the helpdesk does not,
 * and most messages (hello, queue figures, SLA events) are no screen pop.
 */
package dev.callcenter.cti.push;
