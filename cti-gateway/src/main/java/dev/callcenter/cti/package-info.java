/**
 * CTI gateway: AMI call events, agent state, screen pops and the FastAGI IVR, through
 * Asterisk-Java. Built in its own issues; empty until then.
 */
package dev.callcenter.cti;
