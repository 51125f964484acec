package io.mmsdk.cdr;

/**
 * Told by a {@link MeetingTracker} about each change to a meeting. Called while the tracker's lock
 * is held, in order: keep it quick. Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface MeetingListener {

  /**
   * Handles one change.
   *
   * @param meeting the meeting after the change
   * @param change the log entry describing the change
   */
  void onMeetingChanged(Meeting meeting, Meeting.LogEntry change);
}
