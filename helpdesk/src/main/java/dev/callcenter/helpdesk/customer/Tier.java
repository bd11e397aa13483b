package dev.callcenter.helpdesk.customer;

/** Customer value tier (seed 002's 80/20 rule): drives SLA targets and routing priority. */
public enum Tier {
  VIP,
  STANDARD
}
