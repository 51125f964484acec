package io.mmsdk.cms.events;

import io.mmsdk.common.MmSdkException;

/**
 * A message from the Events server was rejected and skipped: it is not a JSON object, or it is
 * larger than {@link CmsEventsClient.Builder#maxMessageSize(long)}. Reported to
 * {@link CmsEventListener#onError}; the connection carries on, or, for an oversized message whose
 * end was never read, reconnects after an {@link EventGap}.
 */
public class CmsEventMessageException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was wrong and what to do.
   *
   * @param message what was wrong and what to do
   * @param cause the underlying failure, or null
   */
  public CmsEventMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
