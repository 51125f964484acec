package io.mmsdk.cms.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The event stream was interrupted: updates between {@link #since()} and the next
 * {@link CmsEventListener#onReconnected()} are lost, so state should be re-read over REST.
 *
 * @param since when the connection was lost (from the client's clock)
 * @param reason why, for example the close reason or the I/O error
 */
public record EventGap(Instant since, String reason) {
  /**
   * Checks the parts.
   *
   * @param since when the connection was lost (from the client's clock)
   * @param reason why, for example the close reason or the I/O error
   */
  public EventGap {
    requireNonNull(since, "since == null");
    requireNonNull(reason, "reason == null");
  }
}
