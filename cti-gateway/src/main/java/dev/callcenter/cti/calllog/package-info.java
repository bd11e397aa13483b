/**
 * Call logging: every call on the customer's interaction timeline with its durations, and callbacks
 * for missed calls. Fed by the screen-pop coordinator, in order per call.
 */
package dev.callcenter.cti.calllog;
