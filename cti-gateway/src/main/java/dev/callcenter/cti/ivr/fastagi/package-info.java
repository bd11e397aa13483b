/**
 * A small FastAGI server on virtual threads: the wire protocol (environment block, one command line
 * and one reply per command, the unsolicited {@code HANGUP}, {@code 510}/{@code 511}/{@code 520}),
 * a peer allow-list and explicit script mapping. See ADR 0007.
 */
package dev.callcenter.cti.ivr.fastagi;
