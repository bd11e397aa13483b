/** Scheduling and clocks: wall-clock for demos, manual virtual time for deterministic tests. */
package dev.callcenter.pbxsim.time;
