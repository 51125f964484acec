package io.mmsdk.meetings.control;

import java.util.List;
import java.util.Objects;

/** What a {@link Control} did, once the Call Bridge accepted every request it sent. */
public sealed interface ControlResult {

  /** {@return the meeting acted on} */
  MeetingRef meeting();

  /**
   * A participant's settings changed.
   *
   * @param participant the participant
   * @param callLegIds the call legs that were changed (empty when the change is on the participant)
   */
  record ParticipantChanged(ParticipantRef participant, List<String> callLegIds) implements ControlResult {
    /**
     * Copies the leg ids.
     *
     * @param participant the participant
     * @param callLegIds the call legs that were changed
     */
    public ParticipantChanged {
      Objects.requireNonNull(participant, "participant == null");
      callLegIds = List.copyOf(callLegIds);
    }

    @Override
    public MeetingRef meeting() {
      return participant.meeting();
    }
  }

  /**
   * A meeting-wide setting changed.
   *
   * @param meeting the meeting
   */
  record MeetingChanged(MeetingRef meeting) implements ControlResult {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     */
    public MeetingChanged {
      Objects.requireNonNull(meeting, "meeting == null");
    }
  }

  /**
   * Participants were let in from the lobby.
   *
   * @param meeting the meeting
   * @param admitted who was admitted (for {@link MeetingControl.AdmitAll}, empty when nobody waited)
   */
  record Admitted(MeetingRef meeting, List<ParticipantRef> admitted) implements ControlResult {
    /**
     * Copies the list.
     *
     * @param meeting the meeting
     * @param admitted who was admitted
     */
    public Admitted {
      Objects.requireNonNull(meeting, "meeting == null");
      admitted = List.copyOf(admitted);
    }
  }

  /**
   * A participant was dialled out; CMS goes on ringing it (the live view shows whether it answers).
   *
   * @param participant the new participant, by the id from the reply's {@code Location}
   */
  record ParticipantAdded(ParticipantRef participant) implements ControlResult {
    /**
     * Checks the participant is present.
     *
     * @param participant the new participant
     */
    public ParticipantAdded {
      Objects.requireNonNull(participant, "participant == null");
    }

    @Override
    public MeetingRef meeting() {
      return participant.meeting();
    }
  }

  /**
   * A participant was moved; CMS gives the moved participant a new id in the target meeting.
   *
   * @param from the participant as it was in its old meeting
   * @param to the participant in the target meeting (its {@code movedParticipant} is {@code from})
   */
  record Moved(ParticipantRef from, ParticipantRef to) implements ControlResult {
    /**
     * Checks both are present.
     *
     * @param from the participant as it was
     * @param to the participant in the target meeting
     */
    public Moved {
      Objects.requireNonNull(from, "from == null");
      Objects.requireNonNull(to, "to == null");
    }

    @Override
    public MeetingRef meeting() {
      return from.meeting();
    }
  }

  /**
   * A participant's call legs were ended.
   *
   * @param participant the participant
   * @param callLegIds the call legs ended
   */
  record Disconnected(ParticipantRef participant, List<String> callLegIds) implements ControlResult {
    /**
     * Copies the leg ids.
     *
     * @param participant the participant
     * @param callLegIds the call legs ended
     */
    public Disconnected {
      Objects.requireNonNull(participant, "participant == null");
      callLegIds = List.copyOf(callLegIds);
    }

    @Override
    public MeetingRef meeting() {
      return participant.meeting();
    }
  }

  /**
   * The meeting was ended for everyone.
   *
   * @param meeting the meeting
   */
  record MeetingEnded(MeetingRef meeting) implements ControlResult {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     */
    public MeetingEnded {
      Objects.requireNonNull(meeting, "meeting == null");
    }
  }
}
