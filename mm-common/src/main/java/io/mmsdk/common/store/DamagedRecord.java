package io.mmsdk.common.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A damaged record that a log-structured store skipped when it opened (a flipped bit, an
 * overwritten
 * block): the store kept every intact record before and after it. The bytes stay in the file for
 * inspection until the store next rewrites it.
 *
 * @param file the store file holding the damaged bytes
 * @param offset the position of the first damaged byte in {@code file}
 * @param length how many bytes were skipped
 * @param reason what was wrong, for people (for example "checksum mismatch")
 */
public record DamagedRecord(Path file, long offset, long length, String reason) {
  /**
   * Checks that no component is null and the position and length are sensible.
   *
   * @param file the store file holding the damaged bytes; not null
   * @param offset the position of the first damaged byte, 0 or more
   * @param length how many bytes were skipped, 1 or more
   * @param reason what was wrong, for people; not null
   * @throws NullPointerException if {@code file} or {@code reason} is null
   * @throws IllegalArgumentException if {@code offset} is negative or {@code length} is below 1
   */
  public DamagedRecord {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(reason, "reason == null");
    if (offset < 0 || length < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and length >= 1: " + offset + ", " + length);
    }
  }
}
