package io.mmsdk.licensing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one collection round did.
 *
 * @param at when the round ran
 * @param samplesAdded new samples stored
 * @param hostsCollected hosts whose usage was read
 * @param unreachableBridgeIds Call Bridges that could not be read (a notification is raised for
 *     each)
 */
public record CollectionResult(
    Instant at, int samplesAdded, List<String> hostsCollected, List<String> unreachableBridgeIds) {

  /**
   * Checks the arguments and copies the lists.
   *
   * @param at when the round ran
   * @param samplesAdded new samples stored
   * @param hostsCollected hosts whose usage was read
   * @param unreachableBridgeIds Call Bridges that could not be read (a notification is raised for each)
   */
  public CollectionResult {
    Objects.requireNonNull(at, "at == null");
    hostsCollected = List.copyOf(hostsCollected);
    unreachableBridgeIds = List.copyOf(unreachableBridgeIds);
  }
}
