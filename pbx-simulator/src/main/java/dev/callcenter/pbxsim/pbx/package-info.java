/** Queues, members and channels of the simulated PBX and the AMI actions that use them. */
package dev.callcenter.pbxsim.pbx;
