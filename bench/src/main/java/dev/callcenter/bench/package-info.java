/** Benchmarks: caller lookup at scale and ticket creation over HTTP against raw inserts. */
package dev.callcenter.bench;
