package io.mmsdk.admin.access;

/**
 * Something a principal wants to do. Each action belongs to one model and applies to that model's
 * resources; asking about an action on a resource of another model is denied with a reason.
 */
public enum Action {
  // Meeting Management roles and tags.
  /** Change configuration, users, servers, settings, backups (administrators only). */
  ADMINISTER(null, null),
  /** See the meetings held in a space. */
  VIEW_MEETINGS(null, null),
  /** Manage meetings held in a space (call participants, mute, end, see statistics). */
  MANAGE_MEETINGS(null, null),

  // MCU conference ownership.
  /** Schedule a new conference (the resource names the initial owner). */
  CREATE_CONFERENCE(null, null),
  /** Change a conference's owner (the resource names the new owner). */
  CHANGE_OWNER(null, null),
  /** Full control: disconnect a participant. */
  DISCONNECT_PARTICIPANT(ControlLevel.FULL, null),
  /** Full control: connect a new participant. */
  CONNECT_PARTICIPANT(ControlLevel.FULL, null),
  /** Full control: end the conference. */
  END_CONFERENCE(ControlLevel.FULL, null),
  /** Full control: view the configuration (times, repetition, streaming, pre-configured participants). */
  VIEW_CONFIGURATION(ControlLevel.FULL, null),
  /** Full control: modify any aspect of the configuration. */
  MODIFY_CONFIGURATION(ControlLevel.FULL, null),
  /** Full control: send a text message to all participants. */
  SEND_MESSAGE_TO_ALL(ControlLevel.FULL, null),
  /** Full control: change the conference custom layout. */
  CHANGE_CONFERENCE_LAYOUT(ControlLevel.FULL, null),
  /** Limited control: view the participant list with status and thumbnails. */
  VIEW_PARTICIPANT_LIST(ControlLevel.LIMITED, null),
  /** Limited control: mute or unmute a participant's audio. */
  MUTE_PARTICIPANT(ControlLevel.LIMITED, null),
  /** Limited control: change the "important" participant. */
  CHANGE_IMPORTANT_PARTICIPANT(ControlLevel.LIMITED, null),
  /** Limited control: let participants change their own layout via FECC or DTMF. */
  SET_PARTICIPANT_LAYOUT_CONTROL(ControlLevel.LIMITED, null),
  /** Limited control: choose a participant's layout, custom layout, widescreen or standard video. */
  CONTROL_PARTICIPANT_VIDEO(ControlLevel.LIMITED, null),
  /** Limited control: pan, tilt and zoom a participant's camera. */
  CONTROL_PARTICIPANT_CAMERA(ControlLevel.LIMITED, null),
  /** Limited control: view audio waveforms, apply gain, mute. */
  VIEW_AUDIO_STATUS(ControlLevel.LIMITED, null),
  /** Limited control: send a text message to one participant. */
  SEND_MESSAGE_TO_PARTICIPANT(ControlLevel.LIMITED, null),
  /** Limited control: view a participant's media statistics and diagnostics. */
  VIEW_PARTICIPANT_STATISTICS(ControlLevel.LIMITED, null),

  // Meeting and agenda-section permissions.
  /** See the content (board book) of a meeting or section. */
  VIEW_CONTENT(null, MeetingRole.READER),
  /** Add, remove and edit agenda sections. */
  EDIT_AGENDA(null, MeetingRole.CONTRIBUTOR),
  /** Upload documents to agenda sections. */
  UPLOAD_DOCUMENT(null, MeetingRole.CONTRIBUTOR),
  /** Change meeting details: date, time, location (meetings only). */
  EDIT_MEETING_DETAILS(null, MeetingRole.ADMIN),
  /** Change who has which permission on the meeting or section. */
  MANAGE_PERMISSIONS(null, MeetingRole.ADMIN);

  private final ControlLevel control;
  private final MeetingRole meetingRole;

  Action(ControlLevel control, MeetingRole meetingRole) {
    this.control = control;
    this.meetingRole = meetingRole;
  }

  /** Returns the conference control level this action needs, or null if it is not a conference operation. */
  ControlLevel requiredControl() {
    return control;
  }

  /** Returns the meeting role this action needs, or null if it is not a meeting action. */
  MeetingRole requiredMeetingRole() {
    return meetingRole;
  }
}
