package io.mmsdk.licensing;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Usage of one license type over the last 90 days against its allocation.
 *
 * @param type the license type
 * @param allocatedCount the licenses entered, meaningful only if {@code allocationEntered}
 * @param allocationEntered false if the allocation was left blank
 * @param ninetyDayPeak the highest daily peak in the last 90 UTC days (0 without data)
 * @param overDays days in the last 90, outside trials, whose peak exceeded the allocation
 */
public record TypeUsage(
    AllocationType type,
    long allocatedCount,
    boolean allocationEntered,
    double ninetyDayPeak,
    int overDays) {

  /**
   * Checks the arguments.
   *
   * @param type the license type
   * @param allocatedCount the licenses entered, meaningful only if {@code allocationEntered}
   * @param allocationEntered false if the allocation was left blank
   * @param ninetyDayPeak the highest daily peak in the last 90 UTC days (0 without data)
   * @param overDays days in the last 90, outside trials, whose peak exceeded the allocation
   */
  public TypeUsage {
    Objects.requireNonNull(type, "type == null");
  }

  /** {@return the allocation, or empty if it was left blank} */
  public OptionalLong findAllocated() {
    return allocationEntered ? OptionalLong.of(allocatedCount) : OptionalLong.empty();
  }
}
