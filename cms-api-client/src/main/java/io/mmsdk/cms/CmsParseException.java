package io.mmsdk.cms;

/**
 * The reply could not be read: it is not well-formed XML (or JSON), it carries a forbidden DTD, or
 * it is well-formed but not the expected shape. {@link #isWellFormed()} tells which, and
 * {@link #line()}, {@link #column()} and {@link #elementPath()} say where.
 */
public class CmsParseException extends CmsClientException {
  private static final long serialVersionUID = 1L;

  /** Whether the document was well-formed (but had an unexpected shape). */
  private final boolean wellFormed;
  /** The 1-based line of the fault, or -1. */
  private final int line;
  /** The 1-based column of the fault, or -1. */
  private final int column;
  /** The element path of the fault, or empty. */
  private final String elementPath;

  /**
   * Creates an exception.
   *
   * @param wellFormed true if the document was well-formed but had an unexpected shape
   * @param line 1-based line, or -1 if unknown
   * @param column 1-based column, or -1 if unknown
   * @param elementPath slash-separated path of the element being read, or "" if unknown
   * @param request the request that failed
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public CmsParseException(
      CmsRequest request,
      String message,
      boolean wellFormed,
      int line,
      int column,
      String elementPath,
      Throwable cause) {
    super(request, message, cause);
    this.wellFormed = wellFormed;
    this.line = line;
    this.column = column;
    this.elementPath = elementPath == null ? "" : elementPath;
  }

  /** {@return true if the reply was well-formed but not of the expected shape} */
  public boolean isWellFormed() {
    return wellFormed;
  }

  /** {@return the 1-based line of the problem, or -1 if unknown} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column of the problem, or -1 if unknown} */
  public int column() {
    return column;
  }

  /** {@return the slash-separated element path where reading stopped, or "" if unknown} */
  public String elementPath() {
    return elementPath;
  }
}
