/**
 * CTI gateway: PBX events in our own vocabulary ({@code call}), translated from Asterisk AMI
 * through Asterisk-Java at the edge ({@code ami}); agent state, screen pops and the FastAGI IVR
 * come in later issues.
 */
package dev.callcenter.cti;
