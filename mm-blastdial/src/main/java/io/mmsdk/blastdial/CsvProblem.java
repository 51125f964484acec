package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

/**
 * One reason a CSV upload was rejected.
 *
 * @param kind what kind of problem it is
 * @param line 1-based line in the file, or 0 for a problem with the file as a whole
 * @param message what was wrong, the value at fault and how to fix it
 */
public record CsvProblem(Kind kind, int line, String message) {
  /** The kinds of CSV problems. */
  public enum Kind {
    /** Not a .csv file, not UTF-8 text, or the header line is missing or different. */
    WRONG_FORMAT,
    /** A name or address contains characters that are not allowed. */
    INVALID_CHARACTERS,
    /** The file is larger than {@link CsvLimits#maxFileBytes()}. */
    FILE_TOO_LARGE,
    /** The file has more rows than {@link CsvLimits#maxContacts()}. */
    TOO_MANY_CONTACTS,
    /** A row has the wrong number of columns, an empty field, a duplicate address or bad quotes. */
    BAD_ROW
  }

  /**
   * Checks the arguments.
   *
   * @param kind what kind of problem it is
   * @param line 1-based line in the file, or 0 for a problem with the file as a whole
   * @param message what was wrong, the value at fault and how to fix it
   */
  public CsvProblem {
    requireNonNull(kind, "kind == null");
    requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return (line > 0 ? "line " + line + ": " : "") + message;
  }
}
