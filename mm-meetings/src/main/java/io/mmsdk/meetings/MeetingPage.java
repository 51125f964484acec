package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a {@link MeetingHistory} query.
 *
 * @param meetings the meetings of this page, in the history's order (newest start first, then id)
 * @param nextCursor the cursor of the next page, or null on the last page
 */
public record MeetingPage(List<Meeting> meetings, String nextCursor) {

  /**
   * Checks and copies the components.
   *
   * @param meetings the meetings of this page, in the history's order (newest start first, then id)
   * @param nextCursor the cursor of the next page, or null on the last page
   */
  public MeetingPage {
    meetings = List.copyOf(requireNonNull(meetings, "meetings == null"));
  }

  /** {@return the cursor to pass to {@link MeetingQuery.Builder#cursor} for the next page} */
  public Optional<String> findNextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /** {@return whether another page follows} */
  public boolean hasMore() {
    return nextCursor != null;
  }
}
