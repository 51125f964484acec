package io.mmsdk.provisioning;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * When scheduled LDAP syncs run: on {@code callBridge}, on each of {@code days} at {@code timeOfDay}
 * in {@code zone}. If the Call Bridge is gone when a run is due, the run is skipped with a warning.
 *
 * @param callBridge name (or id) of the Call Bridge that runs the sync
 * @param days days of the week
 * @param timeOfDay time of day
 * @param zone time zone; UTC when null
 */
public record SyncSchedule(String callBridge, Set<DayOfWeek> days, LocalTime timeOfDay, ZoneId zone) {

  /**
   * Copies {@code days}; a missing zone means UTC.
   *
   * @param callBridge name (or id) of the Call Bridge that runs the sync
   * @param days days of the week
   * @param timeOfDay time of day
   * @param zone time zone; UTC when null
   */
  public SyncSchedule {
    days = days == null ? Set.of() : Set.copyOf(days);
    zone = zone == null ? ZoneId.of("UTC") : zone;
  }
}
