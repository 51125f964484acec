package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

/**
 * A blast dial contact of one space.
 *
 * @param id identifier of the contact within its space, assigned when it is added
 * @param name display name
 * @param address video address dialed out to (SIP URI, number or JID)
 * @param promptRequired whether the contact must press 1 to enter ("Require prompt to connect
 *     participant"), unless the space's {@link AudioPromptMode} overrides it
 */
public record Contact(String id, String name, String address, boolean promptRequired) {
  /**
   * Checks the arguments; use {@link BlastDial#addContact} to validate content.
   *
   * @param id identifier of the contact within its space, assigned when it is added
   * @param name display name
   * @param address video address dialed out to (SIP URI, number or JID)
   * @param promptRequired whether the contact must press 1 to enter ("Require prompt to connect participant"), unless the space's {@link AudioPromptMode} overrides it
   */
  public Contact {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(address, "address == null");
  }
}
