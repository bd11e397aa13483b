package dev.callcenter.kb.search;

/** A type-ahead completion: an article whose title words start with what was typed. */
public record TitleSuggestion(String articleId, String title) {}
