package io.mmsdk.blastdial;

/**
 * Limits for contact lists and CSV uploads.
 *
 * @param maxFileBytes largest accepted CSV file, in bytes
 * @param maxContacts largest number of contacts per space
 */
public record CsvLimits(long maxFileBytes, int maxContacts) {
  /** Default largest CSV file: 1 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
  /** Default largest number of contacts per space: 1000. */
  public static final int DEFAULT_MAX_CONTACTS = 1000;

  /**
   * Checks the arguments.
   *
   * @param maxFileBytes largest accepted CSV file, in bytes
   * @param maxContacts largest number of contacts per space
   */
  public CsvLimits {
    if (maxFileBytes < 64) {
      throw new IllegalArgumentException("maxFileBytes must be at least 64, was " + maxFileBytes);
    }
    if (maxContacts < 1) {
      throw new IllegalArgumentException("maxContacts must be at least 1, was " + maxContacts);
    }
  }

  /** {@return the documented defaults: 1 MiB and 1000 contacts} */
  public static CsvLimits defaults() {
    return new CsvLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_CONTACTS);
  }
}
