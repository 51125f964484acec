package io.mmsdk.meetings.control;

import io.mmsdk.admin.access.Action;
import java.util.Optional;

/**
 * One operator control on a live meeting, run by {@link MeetingControls#execute}: a {@link
 * MeetingControl} acts on a whole meeting, a {@link ParticipantControl} on one participant. Each of
 * their nested records is one control with its typed result {@code R}; the CMS request it sends and
 * the access it needs are listed in {@code docs/mm-meetings.md} ("Controls", "Access").
 *
 * @param <R> the result of the control when it succeeds
 */
public sealed interface Control<R extends ControlResult> permits MeetingControl, ParticipantControl {

  /** {@return the meeting the control acts on (for a move, the meeting the participant leaves)} */
  MeetingRef meeting();

  /** {@return the participant the control acts on, if it acts on one} */
  Optional<ParticipantRef> findParticipant();

  /** {@return the audit verb, e.g. {@code "mute-audio"}; the audit action is {@code "meeting." + verb()}} */
  String verb();

  /**
   * {@return the MCU conference operation (seed 002) this control is, checked for principals with a
   * privilege level}
   */
  Action ownershipAction();
}
