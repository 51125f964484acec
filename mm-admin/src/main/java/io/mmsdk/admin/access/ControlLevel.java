package io.mmsdk.admin.access;

/** How much control a user has over one conference. */
public enum ControlLevel {
  /** Every operation: participant control, configuration, live parameters, and all of limited. */
  FULL,
  /** Participant list, per-participant video, camera, audio, messages and statistics. */
  LIMITED,
  /** None of the conference operations. */
  NONE;

  /**
   * {@return true when this level includes {@code other}}
   *
   * @param other the level to compare with
   */
  public boolean includes(ControlLevel other) {
    return ordinal() <= other.ordinal();
  }
}
