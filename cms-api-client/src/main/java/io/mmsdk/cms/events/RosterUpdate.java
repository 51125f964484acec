package io.mmsdk.cms.events;

import java.util.List;

/**
 * A {@code rosterUpdate} message: participants of one call added, changed or removed.
 *
 * @param subscriptionIndex the index of the {@code callRoster} subscription (maps back to the call)
 * @param updates one entry per participant; {@link EventUpdate#id()} is the participant id
 */
public record RosterUpdate(int subscriptionIndex, List<EventUpdate> updates) {
  /**
   * Copies the updates.
   *
   * @param subscriptionIndex the index of the {@code callRoster} subscription (maps back to the call)
   * @param updates one entry per participant; {@link EventUpdate#id()} is the participant id
   */
  public RosterUpdate {
    updates = List.copyOf(updates);
  }
}
