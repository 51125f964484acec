package io.mmsdk.cms;

/**
 * The reply could not be read: it is not well-formed XML (or JSON), it carries a forbidden DTD, or
 * it is well-formed but not the expected shape. {@link #isWellFormed()} tells which, and
 * {@link #line()}, {@link #column()} and {@link #elementPath()} say where.
 */
public class CmsParseException extends CmsClientException {
  private static final long serialVersionUID = 1L;

  private final boolean wellFormed;
  private final int line;
  private final int column;
  private final String elementPath;

  /**
   * Creates an exception.
   *
   * @param wellFormed true if the document was well-formed but had an unexpected shape
   * @param line 1-based line, or -1 if unknown
   * @param column 1-based column, or -1 if unknown
   * @param elementPath slash-separated path of the element being read, or "" if unknown
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

  /** Returns true if the reply was well-formed but not of the expected shape. */
  public boolean isWellFormed() {
    return wellFormed;
  }

  /** Returns the 1-based line of the problem, or -1 if unknown. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the problem, or -1 if unknown. */
  public int column() {
    return column;
  }

  /** Returns the slash-separated element path where reading stopped, or "" if unknown. */
  public String elementPath() {
    return elementPath;
  }
}
