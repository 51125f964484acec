package io.mmsdk.meetings.control;

import io.mmsdk.cms.api.Layout;
import io.mmsdk.cms.api.MessagePosition;
import io.mmsdk.admin.access.Action;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator control on a whole meeting, run by {@link MeetingControls#execute}. Each nested record
 * is one control with its typed result; the controls on one participant are the {@link
 * ParticipantControl}s.
 *
 * @param <R> the result of the control when it succeeds
 */
public sealed interface MeetingControl<R extends ControlResult> extends Control<R> {
  /** {@return empty: the control acts on the whole meeting} */
  @Override
  default Optional<ParticipantRef> findParticipant() {
    return Optional.empty();
  }

  /**
   * Mutes or unmutes the audio of every participant of the meeting ({@code PUT
   * /calls/<id>/participants/*} with {@code rxAudioMute}).
   *
   * @param meeting the meeting
   * @param muted true to mute, false to unmute
   */
  record SetAllAudioMuted(MeetingRef meeting, boolean muted)
      implements MeetingControl<ControlResult.MeetingChanged> {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     * @param muted true to mute, false to unmute
     */
    public SetAllAudioMuted {
      Objects.requireNonNull(meeting, "meeting == null");
    }

    @Override
    public String verb() {
      return muted ? "mute-all-audio" : "unmute-all-audio";
    }

    @Override
    public Action ownershipAction() {
      return Action.MODIFY_CONFIGURATION;
    }
  }

  /**
   * Mutes (blocks) or unmutes the video of every participant of the meeting ({@code PUT
   * /calls/<id>/participants/*} with {@code rxVideoMute}).
   *
   * @param meeting the meeting
   * @param muted true to mute, false to unmute
   */
  record SetAllVideoMuted(MeetingRef meeting, boolean muted)
      implements MeetingControl<ControlResult.MeetingChanged> {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     * @param muted true to mute, false to unmute
     */
    public SetAllVideoMuted {
      Objects.requireNonNull(meeting, "meeting == null");
    }

    @Override
    public String verb() {
      return muted ? "mute-all-video" : "unmute-all-video";
    }

    @Override
    public Action ownershipAction() {
      return Action.MODIFY_CONFIGURATION;
    }
  }

  /**
   * Changes the layout every participant of the meeting sees ({@code PUT
   * /calls/<id>/participants/*} with {@code layout}).
   *
   * @param meeting the meeting
   * @param layout the layout; not {@link Layout#UNKNOWN_TO_SDK_VERSION}
   */
  record SetMeetingLayout(MeetingRef meeting, Layout layout)
      implements MeetingControl<ControlResult.MeetingChanged> {
    /**
     * Checks the meeting and a known layout are present.
     *
     * @param meeting the meeting
     * @param layout the layout
     * @throws InvalidControlException if the layout is {@link Layout#UNKNOWN_TO_SDK_VERSION}
     */
    public SetMeetingLayout {
      Objects.requireNonNull(meeting, "meeting == null");
      ControlChecks.requireKnown(layout);
    }

    @Override
    public String verb() {
      return "set-meeting-layout";
    }

    @Override
    public Action ownershipAction() {
      return Action.CHANGE_CONFERENCE_LAYOUT;
    }
  }

  /**
   * Locks or unlocks the meeting ({@code PUT /calls/<id>} with {@code locked}): while locked,
   * guests that need activation wait in the lobby.
   *
   * @param meeting the meeting
   * @param locked true to lock, false to unlock
   */
  record SetLocked(MeetingRef meeting, boolean locked)
      implements MeetingControl<ControlResult.MeetingChanged> {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     * @param locked true to lock, false to unlock
     */
    public SetLocked {
      Objects.requireNonNull(meeting, "meeting == null");
    }

    @Override
    public String verb() {
      return locked ? "lock" : "unlock";
    }

    @Override
    public Action ownershipAction() {
      return Action.MODIFY_CONFIGURATION;
    }
  }

  /**
   * Admits every participant waiting in the meeting's lobby (those with a call leg whose {@code
   * status/deactivated} is true), one {@code PUT /participants/<id> deactivated=false} each.
   *
   * @param meeting the meeting
   */
  record AdmitAll(MeetingRef meeting) implements MeetingControl<ControlResult.Admitted> {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     */
    public AdmitAll {
      Objects.requireNonNull(meeting, "meeting == null");
    }

    @Override
    public String verb() {
      return "admit-all";
    }

    @Override
    public Action ownershipAction() {
      return Action.CONNECT_PARTICIPANT;
    }
  }

  /**
   * Starts or stops recording the meeting ({@code PUT /calls/<id>} with {@code recording}).
   *
   * @param meeting the meeting
   * @param recording true to start, false to stop
   */
  record SetRecording(MeetingRef meeting, boolean recording)
      implements MeetingControl<ControlResult.MeetingChanged> {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     * @param recording true to start, false to stop
     */
    public SetRecording {
      Objects.requireNonNull(meeting, "meeting == null");
    }

    @Override
    public String verb() {
      return recording ? "start-recording" : "stop-recording";
    }

    @Override
    public Action ownershipAction() {
      return Action.MODIFY_CONFIGURATION;
    }
  }

  /**
   * Starts or stops streaming the meeting ({@code PUT /calls/<id>} with {@code streaming}).
   *
   * @param meeting the meeting
   * @param streaming true to start, false to stop
   */
  record SetStreaming(MeetingRef meeting, boolean streaming)
      implements MeetingControl<ControlResult.MeetingChanged> {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     * @param streaming true to start, false to stop
     */
    public SetStreaming {
      Objects.requireNonNull(meeting, "meeting == null");
    }

    @Override
    public String verb() {
      return streaming ? "start-streaming" : "stop-streaming";
    }

    @Override
    public Action ownershipAction() {
      return Action.MODIFY_CONFIGURATION;
    }
  }

  /**
   * Dials a new participant out of the meeting ({@code POST /calls/<id>/participants} with {@code
   * remoteParty} and, if set, {@code callLegProfile}: the role the participant gets). Build with
   * {@link #dial(MeetingRef, String)}.
   *
   * @param meeting the meeting
   * @param address the address to dial: a SIP URI, a number or a user JID
   * @param callLegProfile the call leg profile id to give the new participant, or null for the
   *     meeting's default
   */
  record AddParticipant(MeetingRef meeting, String address, String callLegProfile)
      implements MeetingControl<ControlResult.ParticipantAdded> {
    /**
     * Checks the meeting and a non-blank address are present.
     *
     * @param meeting the meeting
     * @param address the address to dial
     * @param callLegProfile the call leg profile id, or null for the meeting's default
     * @throws InvalidControlException if the address is blank or the profile id malformed
     */
    public AddParticipant {
      Objects.requireNonNull(meeting, "meeting == null");
      Objects.requireNonNull(address, "address == null");
      if (address.isBlank()) {
        throw new InvalidControlException("The address to dial is blank; give a SIP URI, a number or a user JID.");
      }
      if (callLegProfile != null) {
        MeetingRef.requireId(callLegProfile, "call leg profile id");
      }
    }

    /**
     * {@return a dial-out of {@code address} with the meeting's default call leg profile}
     *
     * @param meeting the meeting
     * @param address the address to dial
     */
    public static AddParticipant dial(MeetingRef meeting, String address) {
      return new AddParticipant(meeting, address, null);
    }

    /**
     * {@return this dial-out with the call leg profile {@code profileId}}
     *
     * @param profileId the call leg profile id ({@code /callLegProfiles/<id>})
     */
    public AddParticipant withCallLegProfile(String profileId) {
      return new AddParticipant(meeting, address, Objects.requireNonNull(profileId, "profileId == null"));
    }

    /** {@return the call leg profile id, if one was chosen} */
    public Optional<String> findCallLegProfile() {
      return Optional.ofNullable(callLegProfile);
    }

    @Override
    public String verb() {
      return "add-participant";
    }

    @Override
    public Action ownershipAction() {
      return Action.CONNECT_PARTICIPANT;
    }
  }

  /**
   * Shows a text message to every participant ({@code PUT /calls/<id>} with {@code messageText},
   * {@code messagePosition}, {@code messageDuration}). Build with {@link #showFor} or {@link
   * #permanent}.
   *
   * @param meeting the meeting
   * @param text the message, 1 to 2,000 characters, no control characters
   * @param position where endpoints show it
   * @param shownFor how long it is shown, whole seconds; {@link #PERMANENT} for "permanent"
   */
  record SendMessage(MeetingRef meeting, String text, MessagePosition position, Duration shownFor)
      implements MeetingControl<ControlResult.MeetingChanged> {
    /** The duration that means "until it is replaced" (CMS {@code messageDuration=permanent}). */
    public static final Duration PERMANENT = ChronoUnit.FOREVER.getDuration();
    /** The longest message text accepted. */
    public static final int MAX_TEXT = 2000;

    /**
     * Checks the parts.
     *
     * @param meeting the meeting
     * @param text the message
     * @param position where endpoints show it
     * @param shownFor how long it is shown
     * @throws InvalidControlException if the text is blank, too long or has control characters,
     *     the position is unknown, or the duration is not a positive number of whole seconds
     */
    public SendMessage {
      Objects.requireNonNull(meeting, "meeting == null");
      Objects.requireNonNull(text, "text == null");
      Objects.requireNonNull(position, "position == null");
      Objects.requireNonNull(shownFor, "shownFor == null");
      if (text.isBlank() || text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidControlException("The message must be 1 to " + MAX_TEXT
            + " characters on one line (no control characters); got " + text.length() + " characters.");
      }
      if (position == MessagePosition.UNKNOWN_TO_SDK_VERSION) {
        throw new InvalidControlException("Choose a message position: TOP, MIDDLE or BOTTOM.");
      }
      if (!shownFor.equals(PERMANENT) && (shownFor.isNegative() || shownFor.isZero() || shownFor.getNano() != 0)) {
        throw new InvalidControlException("A message is shown for a positive whole number of seconds, or PERMANENT; got "
            + shownFor + ".");
      }
    }

    /**
     * {@return a message shown for {@code shownFor}}
     *
     * @param meeting the meeting
     * @param text the message
     * @param position where endpoints show it
     * @param shownFor how long, whole seconds
     */
    public static SendMessage showFor(MeetingRef meeting, String text, MessagePosition position, Duration shownFor) {
      return new SendMessage(meeting, text, position, shownFor);
    }

    /**
     * {@return a message shown until it is replaced}
     *
     * @param meeting the meeting
     * @param text the message
     * @param position where endpoints show it
     */
    public static SendMessage permanent(MeetingRef meeting, String text, MessagePosition position) {
      return new SendMessage(meeting, text, position, PERMANENT);
    }

    /** {@return true when the message stays until it is replaced} */
    public boolean isPermanent() {
      return shownFor.equals(PERMANENT);
    }

    @Override
    public String verb() {
      return "send-message";
    }

    @Override
    public Action ownershipAction() {
      return Action.SEND_MESSAGE_TO_ALL;
    }
  }

  /**
   * Ends the meeting for everyone ({@code DELETE /calls/<id>}).
   *
   * @param meeting the meeting
   */
  record EndMeeting(MeetingRef meeting) implements MeetingControl<ControlResult.MeetingEnded> {
    /**
     * Checks the meeting is present.
     *
     * @param meeting the meeting
     */
    public EndMeeting {
      Objects.requireNonNull(meeting, "meeting == null");
    }

    @Override
    public String verb() {
      return "end";
    }

    @Override
    public Action ownershipAction() {
      return Action.END_CONFERENCE;
    }
  }
}
