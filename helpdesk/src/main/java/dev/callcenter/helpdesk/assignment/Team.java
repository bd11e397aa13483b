package dev.callcenter.helpdesk.assignment;

/**
 * A team that tickets are routed to.
 *
 * @param key the stable key tickets carry in their {@code team} field
 * @param defaultCapacity the most open tickets a member holds unless their membership says
 *     otherwise
 */
public record Team(String key, String name, int defaultCapacity) {}
