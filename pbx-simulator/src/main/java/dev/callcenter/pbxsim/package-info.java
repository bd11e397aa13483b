/**
 * A fake Asterisk 22 that speaks real AMI over TCP, for the CTI gateway tests, the demo and
 * benchmarks: {@link dev.callcenter.pbxsim.PbxSimulator} wires the AMI listener ({@code ami}), the
 * PBX state ({@code pbx}), scripted calls ({@code scenario}), virtual or wall-clock time ({@code
 * time}), capture replay ({@code replay}) and the Asterisk side of FastAGI ({@code agi}).
 */
package dev.callcenter.pbxsim;
