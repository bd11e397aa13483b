package dev.callcenter.helpdesk.customer;

/** The few fields shown wherever a customer is mentioned: pops, candidates, lists. */
public record CustomerSummary(
    long id,
    CustomerKind kind,
    String name,
    Long companyId,
    String companyName,
    String language,
    Tier tier) {}
