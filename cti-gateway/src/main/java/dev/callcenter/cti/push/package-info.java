/**
 * What the server pushes to agents' and supervisors' screens over {@code /ws}: one sealed hierarchy
 * of records, {@link dev.callcenter.cti.push.LiveMessage}, and their payloads such as the {@link
 * dev.callcenter.cti.push.ScreenPop}. It lives in cti-gateway because agent-ui (which encodes and
 * delivers the messages) and server (which pushes SLA events) depend on this module while the
 * helpdesk does not, and in a package of its own because most messages (hello, queue figures, SLA
 * events) are no screen pop; {@code cti.pop} composes pops and sends messages, so it depends on
 * this package and never the reverse.
 */
package dev.callcenter.cti.push;
