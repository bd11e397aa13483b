/**
 * Our own vocabulary of what happens on the PBX: sealed call and queue-member events and the
 * caller's identity, free of any Asterisk type.
 */
package dev.callcenter.cti.call;
