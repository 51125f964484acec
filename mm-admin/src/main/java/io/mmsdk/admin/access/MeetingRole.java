package io.mmsdk.admin.access;

/**
 * A permission on a meeting or agenda section. Ranked READER &lt; CONTRIBUTOR &lt; ADMIN; EXCLUDE
 * is not a rank but a ban, and only individuals can be given it.
 */
public enum MeetingRole {
  /** Sees the content; changes nothing. */
  READER,
  /**
   * Adds, removes and edits agenda sections and uploads documents; not meeting details or
   * permissions.
   */
  CONTRIBUTOR,
  /** Edits meeting details (date, time, location, agenda) and permissions. */
  ADMIN,
  /** Cannot see the meeting (or section); beats any group grant. Individuals only. */
  EXCLUDE;

  /**
   * {@return true when this role grants at least {@code needed} (EXCLUDE grants nothing)}
   *
   * @param needed the least role required
   */
  public boolean atLeast(MeetingRole needed) {
    return this != EXCLUDE && needed != EXCLUDE && ordinal() >= needed.ordinal();
  }
}
