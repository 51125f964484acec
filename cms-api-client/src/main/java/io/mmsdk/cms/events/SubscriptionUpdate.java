package io.mmsdk.cms.events;

import java.util.Map;

/**
 * A {@code subscriptionUpdate} message: the state of subscriptions, for example {@code pending},
 * {@code active} or {@code deactivated} (the call ended).
 *
 * @param states the state by subscription index, as sent
 */
public record SubscriptionUpdate(Map<Integer, String> states) {
  /**
   * Copies the states.
   *
   * @param states the state by subscription index, as sent
   */
  public SubscriptionUpdate {
    states = Map.copyOf(states);
  }
}
