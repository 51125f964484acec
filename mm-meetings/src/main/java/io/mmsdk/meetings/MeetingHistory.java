package io.mmsdk.meetings;

/**
 * Finds live and ended meetings by space, participant address, time range and space tag, a page at
 * a time. The in-memory implementation is {@link MeetingTracker} (meetings it keeps: running ones
 * and those ended within its retention period); a database-backed store can implement the same
 * interface over a longer history.
 *
 * <p>Every implementation returns meetings in the same stable order — newest {@link
 * Meeting#startTime()} first, then {@link Meeting#id()} ascending — and pages with an opaque
 * cursor, so a meeting that starts while a caller pages through the results is not returned twice
 * and shifts no page. Implementations are thread-safe.
 */
public interface MeetingHistory {

  /**
   * Returns one page of the meetings that match every criterion of {@code query}.
   *
   * @param query the criteria, page size and cursor
   * @return the matching meetings of this page and the cursor of the next one, if any
   * @throws InvalidMeetingQueryException if the cursor is not one this history returned, or the
   *     query needs something the history lacks (for example a tag query without space tags)
   */
  MeetingPage find(MeetingQuery query);
}
