/**
 * The AMI wire protocol: banner, MD5 and plain login, packets, per-connection reader and writer,
 * recorded actions and connection-level faults.
 */
package dev.callcenter.pbxsim.ami;
