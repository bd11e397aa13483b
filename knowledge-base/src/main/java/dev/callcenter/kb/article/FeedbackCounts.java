package dev.callcenter.kb.article;

/** How readers rated an article and how many tickets it solved, shown to its authors. */
public record FeedbackCounts(long articleId, int helpful, int notHelpful, int solvedTickets) {}
