package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Meeting Server software version (from {@code /system/status/softwareVersion}), comparable so
 * that callers can gate features: {@code version.isAtLeast(2, 9)}. Compares numerically by major,
 * minor, patch; anything after the numbers (build tags) is kept in {@link #raw()} only.
 *
 * @param major the major version, for example 3
 * @param minor the minor version, for example 2
 * @param patch the patch version, 0 if absent
 * @param raw the text as the server sent it
 */
public record CmsVersion(int major, int minor, int patch, String raw)
    implements Comparable<CmsVersion> {
  private static final Pattern VERSION = Pattern.compile("^\\s*v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$", Pattern.DOTALL);

  /**
   * Checks the parts.
   *
   * @param major the major version, for example 3
   * @param minor the minor version, for example 2
   * @param patch the patch version, 0 if absent
   * @param raw the text as the server sent it
   */
  public CmsVersion {
    requireNonNull(raw, "raw == null");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version parts must not be negative: " + raw);
    }
  }

  /**
   * Parses a version such as {@code 3.2}, {@code 2.6.1} or {@code 3.8.1 (build 123)}.
   *
   * @param text the version text, as in {@code softwareVersion}
   * @return the version
   * @throws IllegalArgumentException if the text does not start with {@code major.minor}
   */
  public static CmsVersion parse(String text) {
    requireNonNull(text, "text == null");
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "softwareVersion \"" + text + "\" is not a version; expected major.minor[.patch], for example 3.2.1");
    }
    try {
      return new CmsVersion(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
          text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("softwareVersion \"" + text + "\" has a part that is too large", e);
    }
  }

  /**
   * {@return whether this version is {@code major.minor} or later}
   *
   * @param major the major version, for example 3
   * @param minor the minor version, for example 2
   */
  public boolean isAtLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }

  @Override
  public int compareTo(CmsVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    return c != 0 ? c : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
