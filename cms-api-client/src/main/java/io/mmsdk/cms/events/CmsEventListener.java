package io.mmsdk.cms.events;

import io.mmsdk.common.MmSdkException;

/**
 * Receives events. Methods are called on one event thread, in order; they must return quickly
 * (hand work to your own executor) because messages are acknowledged before the callback runs and
 * the next message waits. Every method has an empty default.
 */
public interface CmsEventListener {
  /** The WebSocket is open and the subscription request was sent (first connection). */
  default void onConnected() {}

  /**
   * Subscriptions changed state.
   *
   * @param update the subscriptions' new states
   */
  default void onSubscriptionUpdate(SubscriptionUpdate update) {}

  /**
   * Calls were added, changed or removed.
   *
   * @param update the calls added, changed or removed
   */
  default void onCallListUpdate(CallListUpdate update) {}

  /**
   * A call's details changed.
   *
   * @param update the call's changed details
   */
  default void onCallInfoUpdate(CallInfoUpdate update) {}

  /**
   * A call's participants were added, changed or removed.
   *
   * @param update the participants added, changed or removed
   */
  default void onRosterUpdate(RosterUpdate update) {}

  /**
   * The connection dropped; updates may be lost until {@link #onReconnected()}.
   *
   * @param gap why the connection dropped and when
   */
  default void onGap(EventGap gap) {}

  /** A new connection is open and re-subscribed after a gap; re-sync state over REST now. */
  default void onReconnected() {}

  /**
   * Something failed that the client will recover from (a token request, a bad message).
   *
   * @param error what failed, typed; its message names the cause
   */
  default void onError(MmSdkException error) {}
}
