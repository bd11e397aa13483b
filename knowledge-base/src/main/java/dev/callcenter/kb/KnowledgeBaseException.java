package dev.callcenter.kb;

/** Root of every unchecked failure thrown by the knowledge base. */
public class KnowledgeBaseException extends RuntimeException {
  public KnowledgeBaseException(String message) {
    super(message);
  }

  public KnowledgeBaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
