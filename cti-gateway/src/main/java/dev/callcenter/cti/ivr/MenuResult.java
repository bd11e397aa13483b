package dev.callcenter.cti.ivr;

/** What came of playing a menu. */
sealed interface MenuResult {

  /** A valid key of a choice menu, and the value it maps to. */
  record Chosen(String key, String value) implements MenuResult {}

  /** Digits keyed into an entry. */
  record Entered(String digits) implements MenuResult {}

  /** An optional entry left empty. */
  record Skipped() implements MenuResult {}

  /** No valid input after every retry. */
  record Failed(String reason) implements MenuResult {}
}
