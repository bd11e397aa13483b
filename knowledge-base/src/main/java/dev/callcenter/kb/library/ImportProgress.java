package dev.callcenter.kb.library;

import dev.callcenter.kb.article.ImportReport;

/** Follows a running import: told after each batch is stored and indexed, asked whether to stop. */
public interface ImportProgress {

  /** Follows nothing and never stops the import. */
  ImportProgress NONE =
      new ImportProgress() {
        @Override
        public void batchDone(ImportReport soFar) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  /**
   * A batch is committed to the database (and indexed, or being indexed while the next is read: the
   * import returns only when every stored batch is indexed); {@code soFar} counts every batch.
   */
  void batchDone(ImportReport soFar);

  /** Asked before each batch is stored; true stops the import there. */
  boolean cancelled();
}
