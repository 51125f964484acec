package io.mmsdk.cdr;

import io.mmsdk.common.MmSdkException;

/**
 * A CDR document could not be turned into a {@link CdrBatch}. {@link #kind()} separates XML that is
 * not well-formed from well-formed XML that is not a CDR batch we accept, and from input over a
 * configured limit. The message and accessors say where: element path, line and column.
 */
public final class CdrParseException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the input. */
  public enum Kind {
    /** The bytes are not well-formed XML (for example truncated, or mismatched tags). */
    NOT_WELL_FORMED,
    /** Well-formed XML, but not a CDR batch we accept (wrong root, bad number, DTD, ...). */
    UNEXPECTED,
    /** Over a configured limit (bytes, records, depth, text length). */
    LIMIT_EXCEEDED
  }

  /** What kind of fault it is. */
  private final Kind kind;
  /** The element path of the fault, or empty. */
  private final String elementPath;
  /** The 1-based line of the fault, or -1. */
  private final int line;
  /** The 1-based column of the fault, or -1. */
  private final int column;

  /**
   * Creates an exception.
   *
   * @param kind what was wrong
   * @param problem what was wrong and what to do, without location
   * @param elementPath the element path, for example {@code /records/record[2]/callLeg}
   * @param line 1-based line, or -1 if unknown
   * @param column 1-based column, or -1 if unknown
   * @param cause the underlying error, or null
   */
  public CdrParseException(
      Kind kind, String problem, String elementPath, int line, int column, Throwable cause) {
    super(problem + " (at " + elementPath + ", line " + line + ", column " + column + ")", cause);
    this.kind = java.util.Objects.requireNonNull(kind, "kind == null");
    this.elementPath = elementPath;
    this.line = line;
    this.column = column;
  }

  /** {@return what was wrong with the input} */
  public Kind kind() {
    return kind;
  }

  /** {@return the path of the element being read, for example {@code /records/record[2]}} */
  public String elementPath() {
    return elementPath;
  }

  /** {@return the 1-based line, or -1 if unknown} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column, or -1 if unknown} */
  public int column() {
    return column;
  }
}
