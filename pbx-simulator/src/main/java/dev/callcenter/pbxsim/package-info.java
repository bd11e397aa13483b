/**
 * A fake Asterisk that speaks real AMI and the Asterisk side of FastAGI over TCP, for demos, tests
 * and load. Built with the CTI gateway issue; empty until then.
 */
package dev.callcenter.pbxsim;
