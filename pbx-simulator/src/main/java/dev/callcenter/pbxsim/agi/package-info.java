/**
 * The Asterisk side of FastAGI: a client that connects to an AGI server like Asterisk's {@code
 * AGI(agi://…)}, sends the channel environment and answers the script's commands for a scripted
 * caller.
 */
package dev.callcenter.pbxsim.agi;
