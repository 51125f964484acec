package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything stored for one space: its blast dial configuration and contacts.
 *
 * @param space the space
 * @param config the blast dial configuration
 * @param contacts the contacts in list order
 */
public record SpaceSetup(SpaceKey space, BlastDialConfig config, List<Contact> contacts) {
  /**
   * Checks the arguments and copies the list.
   *
   * @param space the space
   * @param config the blast dial configuration
   * @param contacts the contacts in list order
   */
  public SpaceSetup {
    requireNonNull(space, "space == null");
    requireNonNull(config, "config == null");
    contacts = List.copyOf(contacts);
  }
}
