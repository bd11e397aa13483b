package dev.callcenter.kb.eval;

/** A query with the one article that answers it. */
public record LabelledQuery(String queryId, String relevantArticleId, String text) {}
