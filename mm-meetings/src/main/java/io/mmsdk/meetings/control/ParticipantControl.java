package io.mmsdk.meetings.control;

import io.mmsdk.cms.api.Layout;
import io.mmsdk.admin.access.Action;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator control on one participant, run by {@link MeetingControls#execute}; its meeting is
 * the participant's. Each nested record is one control with its typed result; the controls on a
 * whole meeting are the {@link MeetingControl}s.
 *
 * @param <R> the result of the control when it succeeds
 */
public sealed interface ParticipantControl<R extends ControlResult> extends Control<R> {
  /** {@return the participant the control acts on} */
  ParticipantRef participant();

  /** {@return the participant's meeting} */
  @Override
  default MeetingRef meeting() {
    return participant().meeting();
  }

  /** {@return the participant} */
  @Override
  default Optional<ParticipantRef> findParticipant() {
    return Optional.of(participant());
  }

  /**
   * Mutes or unmutes the audio the meeting receives from one participant (every call leg's
   * {@code rxAudioMute}).
   *
   * @param participant the participant
   * @param muted true to mute, false to unmute
   */
  record SetAudioMuted(ParticipantRef participant, boolean muted)
      implements ParticipantControl<ControlResult.ParticipantChanged> {
    /**
     * Checks the participant is present.
     *
     * @param participant the participant
     * @param muted true to mute, false to unmute
     */
    public SetAudioMuted {
      Objects.requireNonNull(participant, "participant == null");
    }

    @Override
    public String verb() {
      return muted ? "mute-audio" : "unmute-audio";
    }

    @Override
    public Action ownershipAction() {
      return Action.MUTE_PARTICIPANT;
    }
  }

  /**
   * Mutes (blocks) or unmutes the video the meeting receives from one participant (every call
   * leg's {@code rxVideoMute}).
   *
   * @param participant the participant
   * @param muted true to mute, false to unmute
   */
  record SetVideoMuted(ParticipantRef participant, boolean muted)
      implements ParticipantControl<ControlResult.ParticipantChanged> {
    /**
     * Checks the participant is present.
     *
     * @param participant the participant
     * @param muted true to mute, false to unmute
     */
    public SetVideoMuted {
      Objects.requireNonNull(participant, "participant == null");
    }

    @Override
    public String verb() {
      return muted ? "mute-video" : "unmute-video";
    }

    @Override
    public Action ownershipAction() {
      return Action.MUTE_PARTICIPANT;
    }
  }

  /**
   * Changes the layout one participant sees (every call leg's {@code chosenLayout}).
   *
   * @param participant the participant
   * @param layout the layout; not {@link Layout#UNKNOWN_TO_SDK_VERSION}
   */
  record SetParticipantLayout(ParticipantRef participant, Layout layout)
      implements ParticipantControl<ControlResult.ParticipantChanged> {
    /**
     * Checks the participant and a known layout are present.
     *
     * @param participant the participant
     * @param layout the layout
     * @throws InvalidControlException if the layout is {@link Layout#UNKNOWN_TO_SDK_VERSION}
     */
    public SetParticipantLayout {
      Objects.requireNonNull(participant, "participant == null");
      ControlChecks.requireKnown(layout);
    }

    @Override
    public String verb() {
      return "set-participant-layout";
    }

    @Override
    public Action ownershipAction() {
      return Action.CONTROL_PARTICIPANT_VIDEO;
    }
  }

  /**
   * Makes a participant the important one ({@code importance=1}) or clears it ({@code importance=}
   * unset) on {@code PUT /participants/<id>}.
   *
   * @param participant the participant
   * @param important true to set, false to clear
   */
  record SetImportant(ParticipantRef participant, boolean important)
      implements ParticipantControl<ControlResult.ParticipantChanged> {
    /**
     * Checks the participant is present.
     *
     * @param participant the participant
     * @param important true to set, false to clear
     */
    public SetImportant {
      Objects.requireNonNull(participant, "participant == null");
    }

    @Override
    public String verb() {
      return important ? "set-important" : "clear-important";
    }

    @Override
    public Action ownershipAction() {
      return Action.CHANGE_IMPORTANT_PARTICIPANT;
    }
  }

  /**
   * Admits one participant from the lobby ({@code PUT /participants/<id>} with {@code
   * deactivated=false}).
   *
   * @param participant the participant waiting in the lobby
   */
  record Admit(ParticipantRef participant) implements ParticipantControl<ControlResult.Admitted> {
    /**
     * Checks the participant is present.
     *
     * @param participant the participant waiting in the lobby
     */
    public Admit {
      Objects.requireNonNull(participant, "participant == null");
    }

    @Override
    public String verb() {
      return "admit";
    }

    @Override
    public Action ownershipAction() {
      return Action.CONNECT_PARTICIPANT;
    }
  }

  /**
   * Disconnects a participant ({@code DELETE /callLegs/<id>} for each of its call legs; CMS ends
   * them with reason {@code apiInitiatedTeardown}).
   *
   * @param participant the participant
   */
  record Disconnect(ParticipantRef participant)
      implements ParticipantControl<ControlResult.Disconnected> {
    /**
     * Checks the participant is present.
     *
     * @param participant the participant
     */
    public Disconnect {
      Objects.requireNonNull(participant, "participant == null");
    }

    @Override
    public String verb() {
      return "disconnect";
    }

    @Override
    public Action ownershipAction() {
      return Action.DISCONNECT_PARTICIPANT;
    }
  }

  /**
   * Moves a participant to another meeting ({@code POST /calls/<target>/participants} with {@code
   * movedParticipant=<participant id>}, CMS 2.6 or later, on the target meeting's Call Bridge). It
   * needs the rights to disconnect from this meeting and to connect to the target.
   *
   * @param participant the participant to move
   * @param target the meeting to move them to
   */
  record Move(ParticipantRef participant, MeetingRef target)
      implements ParticipantControl<ControlResult.Moved> {
    /**
     * Checks both parts are present and the meetings differ.
     *
     * @param participant the participant to move
     * @param target the meeting to move them to
     * @throws InvalidControlException if the target is the participant's own meeting
     */
    public Move {
      Objects.requireNonNull(participant, "participant == null");
      Objects.requireNonNull(target, "target == null");
      if (participant.meeting().equals(target)) {
        throw new InvalidControlException("Participant " + participant.participantId() + " is already in meeting "
            + target + "; choose another meeting to move them to.");
      }
    }

    @Override
    public String verb() {
      return "move";
    }

    /** {@return DISCONNECT_PARTICIPANT on this meeting; the target also needs CONNECT_PARTICIPANT} */
    @Override
    public Action ownershipAction() {
      return Action.DISCONNECT_PARTICIPANT;
    }
  }
}
