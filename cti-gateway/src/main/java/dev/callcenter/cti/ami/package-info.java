/**
 * The Asterisk edge: the only package that sees Asterisk-Java types; it turns AMI events into
 * {@link dev.callcenter.cti.call.PbxEvent}s.
 */
package dev.callcenter.cti.ami;
