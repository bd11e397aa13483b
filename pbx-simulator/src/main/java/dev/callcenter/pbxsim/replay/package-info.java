/** Real Asterisk 22 AMI captures, replayed byte for byte to connected clients. */
package dev.callcenter.pbxsim.replay;
