package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

/**
 * A value of an enumerated CMS element, kept as the raw string so that values added by newer
 * server versions are never fatal. {@link #isKnown()} says whether the value is one the blueprint
 * lists for its field.
 *
 * @param value the value exactly as the server sent it
 * @param known whether the blueprint lists this value for the field
 */
public record CmsEnumValue(String value, boolean known) {
  /**
   * Checks the value.
   *
   * @param value the value exactly as the server sent it
   * @param known whether the blueprint lists this value for the field
   */
  public CmsEnumValue {
    requireNonNull(value, "value == null");
  }

  /** {@return whether the blueprint lists this value for the field} */
  public boolean isKnown() {
    return known;
  }

  /**
   * {@return whether this value equals {@code wireValue} exactly}
   *
   * @param wireValue the value as the API writes it, case-sensitive
   */
  public boolean is(String wireValue) {
    return value.equals(wireValue);
  }

  @Override
  public String toString() {
    return value;
  }
}
