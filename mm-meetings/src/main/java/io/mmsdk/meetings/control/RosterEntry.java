package io.mmsdk.meetings.control;

import java.util.List;
import java.util.Objects;

/**
 * One participant of a meeting as {@link MeetingControls#roster} read it over REST.
 *
 * @param participant the participant
 * @param name the display name, empty when CMS gives none
 * @param address the participant's URI, empty when CMS gives none
 * @param state the first call leg's {@code status/state} ({@code initial}, {@code ringing},
 *     {@code connected}, {@code onHold}), empty when unknown
 * @param inLobby true when a call leg waits for activation ({@code status/deactivated})
 * @param callLegIds the participant's call legs
 */
public record RosterEntry(ParticipantRef participant, String name, String address, String state, boolean inLobby,
    List<String> callLegIds) {
  /**
   * Copies the leg ids.
   *
   * @param participant the participant
   * @param name the display name
   * @param address the URI
   * @param state the call leg state
   * @param inLobby true when waiting in the lobby
   * @param callLegIds the call legs
   */
  public RosterEntry {
    Objects.requireNonNull(participant, "participant == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(state, "state == null");
    callLegIds = List.copyOf(callLegIds);
  }
}
