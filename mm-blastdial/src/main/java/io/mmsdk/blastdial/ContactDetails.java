package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

/**
 * The editable details of a contact, as typed in or read from a CSV row.
 *
 * @param name display name
 * @param address video address to dial
 * @param promptRequired whether the contact must press 1 to enter
 */
public record ContactDetails(String name, String address, boolean promptRequired) {
  /**
   * Checks the arguments for null; content is validated when the contact is stored.
   *
   * @param name display name
   * @param address video address to dial
   * @param promptRequired whether the contact must press 1 to enter
   */
  public ContactDetails {
    requireNonNull(name, "name == null");
    requireNonNull(address, "address == null");
  }
}
