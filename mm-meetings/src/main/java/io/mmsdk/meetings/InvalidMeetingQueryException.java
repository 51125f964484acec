package io.mmsdk.meetings;

import io.mmsdk.common.MmSdkException;

/**
 * A {@link MeetingQuery} a {@link MeetingHistory} cannot answer: a cursor it did not issue, or a
 * criterion it has no data for. The message names the part at fault and what to do.
 */
public class InvalidMeetingQueryException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the query and how to fix it
   */
  public InvalidMeetingQueryException(String message) {
    super(message);
  }
}
