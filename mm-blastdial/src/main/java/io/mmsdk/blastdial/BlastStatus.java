package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one blast dial: the meeting it belongs to and each contact's state.
 *
 * @param space the space whose meeting triggered it
 * @param callId the CMS call id of that meeting
 * @param startedAt when the first participant joined (as seen by this instance)
 * @param phase where the blast dial stands
 * @param contacts each contact's state, in contact-list order
 */
public record BlastStatus(
    SpaceKey space, String callId, Instant startedAt, Phase phase, List<ContactStatus> contacts) {

  /** Where a blast dial stands. */
  public enum Phase {
    /** A Secondary is waiting its delay before checking whether anyone else is dialing. */
    WAITING_AS_SECONDARY(false),
    /** Contacts are being dialed or re-dialed. */
    DIALING(false),
    /** Every contact has a final outcome. */
    COMPLETED(true),
    /** The meeting ended; dialing stopped. */
    MEETING_ENDED(true),
    /** Blast dial was turned off for the space (or monitoring was turned off); dialing stopped. */
    TURNED_OFF(true),
    /** As Secondary, this instance found another instance already dialing and stayed out. */
    DIALED_BY_OTHER_INSTANCE(true);

    private final boolean isFinal;

    Phase(boolean isFinal) {
      this.isFinal = isFinal;
    }

    /** {@return whether the blast dial is over} */
    public boolean isFinal() {
      return isFinal;
    }
  }

  /**
   * Checks the arguments and copies the list.
   *
   * @param space the space whose meeting triggered it
   * @param callId the CMS call id of that meeting
   * @param startedAt when the first participant joined (as seen by this instance)
   * @param phase where the blast dial stands
   * @param contacts each contact's state, in contact-list order
   */
  public BlastStatus {
    requireNonNull(space, "space == null");
    requireNonNull(callId, "callId == null");
    requireNonNull(startedAt, "startedAt == null");
    requireNonNull(phase, "phase == null");
    contacts = List.copyOf(contacts);
  }

  /**
   * {@return the status of the contact with {@code address} (compared case-insensitively)}
   *
   * @param address the contact's address (URI)
   */
  public java.util.Optional<ContactStatus> findContact(String address) {
    String a = ContactRules.normalizeAddress(address);
    return contacts.stream()
        .filter(c -> ContactRules.normalizeAddress(c.contact().address()).equals(a))
        .findFirst();
  }
}
