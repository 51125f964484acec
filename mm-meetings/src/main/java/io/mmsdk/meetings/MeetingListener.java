package io.mmsdk.meetings;

/**
 * Told by a {@link MeetingTracker} about each change to a meeting, in the order the changes were
 * made, one call at a time. Called after the tracker's lock is released, on the tracker's listener
 * executor ({@link MeetingTracker.Builder#listenerExecutor}; by default one thread of the tracker's
 * own), so a slow listener never holds up CDR ingest. Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface MeetingListener {

  /**
   * Handles one change.
   *
   * @param change the change: the meeting's id, its state after the change and the log entry
   */
  void onMeetingChanged(MeetingChange change);

  /**
   * Handles changes that were not delivered because listeners fell more than {@link
   * MeetingTracker.Builder#maxPendingChanges} changes behind. The tracker's own state is complete:
   * re-read the meetings concerned ({@link MeetingTracker#meetings()}). Called after the changes
   * delivered before the loss and before any later change. Does nothing by default.
   *
   * @param count how many changes were dropped
   */
  default void onChangesDropped(long count) {}

  /**
   * Handles a gap on a source of the live view, told once per gap, in order with the changes.
   * Does nothing by default.
   *
   * @param gap which source lost what
   */
  default void onSourceGap(SourceGap gap) {}
}
