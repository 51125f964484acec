package io.mmsdk.meetings;

/** {@link MeetingHistoryContract} for the in-memory {@link MeetingTracker}. */
class TrackerMeetingHistoryTest extends MeetingHistoryContract {
  @Override
  protected MeetingHistory open(MeetingTracker tracker, SpaceTags spaceTags) {
    return tracker;
  }

  @Override
  protected void awaitWritten() {
    // The tracker answers from its own state: every change is visible once applied.
  }

  @Override
  protected MeetingHistory crashAndReopen() {
    return null; // a crash loses the tracker's memory; the database-backed histories keep it
  }
}
