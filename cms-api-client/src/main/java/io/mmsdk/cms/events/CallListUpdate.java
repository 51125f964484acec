package io.mmsdk.cms.events;

import java.util.List;

/**
 * A {@code callListUpdate} message: calls added, changed or removed.
 *
 * @param subscriptionIndex the index of the {@code calls} subscription
 * @param updates one entry per call; {@link EventUpdate#id()} is the call id
 */
public record CallListUpdate(int subscriptionIndex, List<EventUpdate> updates) {
  /**
   * Copies the updates.
   *
   * @param subscriptionIndex the index of the {@code calls} subscription
   * @param updates one entry per call; {@link EventUpdate#id()} is the call id
   */
  public CallListUpdate {
    updates = List.copyOf(updates);
  }
}
