/** Scripted calls that emit the event sequences of a real Asterisk 22 on the simulator clock. */
package dev.callcenter.pbxsim.scenario;
