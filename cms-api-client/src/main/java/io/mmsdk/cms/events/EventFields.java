package io.mmsdk.cms.events;

import io.mmsdk.cms.core.CmsEnumValue;
import io.mmsdk.cms.core.CmsField;
import java.util.List;

/**
 * Typed keys for the elements the Events API reports: those of a call (in {@code callListUpdate}
 * entries and {@code callInfoUpdate} messages) and those of a participant (in {@code rosterUpdate}
 * entries). Read them with {@link EventUpdate#find(CmsField)} or {@link CallInfoUpdate#find(CmsField)}.
 *
 * <p>Events updates stay string maps, so an element without a constant here is still available
 * through {@code findText}. Some names are shared by both kinds ({@link #NAME},
 * {@link #ENDPOINT_RECORDING}).
 */
public final class EventFields {
  private EventFields() {}

  /** The {@code name} element: a call's name, or a participant's display name. */
  public static final CmsField<String> NAME = CmsField.text("name");

  /** The {@code participants} element of a call: how many participants it has. */
  public static final CmsField<Long> PARTICIPANTS = CmsField.integer("participants");

  /** The {@code distributedInstances} element of a call: on how many other Call Bridges it runs. */
  public static final CmsField<Long> DISTRIBUTED_INSTANCES = CmsField.integer("distributedInstances");

  /** The {@code recording} element of a call: whether it is being recorded. */
  public static final CmsField<Boolean> RECORDING = CmsField.bool("recording");

  /** The {@code endpointRecording} element: whether an endpoint records the call or participant. */
  public static final CmsField<Boolean> ENDPOINT_RECORDING = CmsField.bool("endpointRecording");

  /** The {@code streaming} element of a call: whether it is being streamed. */
  public static final CmsField<Boolean> STREAMING = CmsField.bool("streaming");

  /** The {@code lockState} element of a call ({@code locked} | {@code unlocked}). */
  public static final CmsField<CmsEnumValue> LOCK_STATE =
      CmsField.enumeration("lockState", "locked", "unlocked");

  /** The {@code callType} element of a call. */
  public static final CmsField<CmsEnumValue> CALL_TYPE =
      CmsField.enumeration("callType", "coSpace", "forwarding", "adHoc", "lyncConferencing");

  /** The {@code callCorrelator} element of a call: the id shared by its distributed instances. */
  public static final CmsField<String> CALL_CORRELATOR = CmsField.text("callCorrelator");

  /** The {@code joinAudioMuteOverride} element of a call: whether joiners start muted. */
  public static final CmsField<Boolean> JOIN_AUDIO_MUTE_OVERRIDE = CmsField.bool("joinAudioMuteOverride");

  /** The {@code uri} element of a participant: its address. */
  public static final CmsField<String> URI = CmsField.text("uri");

  /** The {@code state} element of a participant ({@code initial | ringing | connected | onHold}). */
  public static final CmsField<CmsEnumValue> STATE =
      CmsField.enumeration("state", "initial", "ringing", "connected", "onHold");

  /** The {@code direction} element of a participant ({@code incoming | outgoing}). */
  public static final CmsField<CmsEnumValue> DIRECTION =
      CmsField.enumeration("direction", "incoming", "outgoing");

  /** The {@code audioMuted} element of a participant: whether its audio to the call is muted. */
  public static final CmsField<Boolean> AUDIO_MUTED = CmsField.bool("audioMuted");

  /** The {@code videoMuted} element of a participant: whether its video to the call is muted. */
  public static final CmsField<Boolean> VIDEO_MUTED = CmsField.bool("videoMuted");

  /** The {@code importance} element of a participant; empty text when it has none. */
  public static final CmsField<Long> IMPORTANCE = CmsField.integer("importance");

  /** The {@code layout} element of a participant: the layout it sees. */
  public static final CmsField<String> LAYOUT = CmsField.text("layout");

  /** The {@code activeSpeaker} element of a participant. */
  public static final CmsField<Boolean> ACTIVE_SPEAKER = CmsField.bool("activeSpeaker");

  /** The {@code presenter} element of a participant: whether it is presenting. */
  public static final CmsField<Boolean> PRESENTER = CmsField.bool("presenter");

  /** The {@code canMove} element of a participant: whether it can be moved to another call. */
  public static final CmsField<Boolean> CAN_MOVE = CmsField.bool("canMove");

  /** The {@code movedParticipant} element: the participant this one was moved from. */
  public static final CmsField<String> MOVED_PARTICIPANT = CmsField.text("movedParticipant");

  /** The {@code movedParticipantCallBridge} element: the Call Bridge of the moved-from participant. */
  public static final CmsField<String> MOVED_PARTICIPANT_CALL_BRIDGE =
      CmsField.text("movedParticipantCallBridge");

  /** The call elements a {@code calls} subscription asks for by default, in this order. */
  static final List<CmsField<?>> CALL = List.of(NAME, PARTICIPANTS, DISTRIBUTED_INSTANCES, RECORDING,
      ENDPOINT_RECORDING, STREAMING, LOCK_STATE, CALL_TYPE, CALL_CORRELATOR);

  /** The participant elements a {@code callRoster} subscription asks for by default, in this order. */
  static final List<CmsField<?>> ROSTER = List.of(NAME, URI, STATE, DIRECTION, AUDIO_MUTED, VIDEO_MUTED,
      IMPORTANCE, LAYOUT, ACTIVE_SPEAKER, PRESENTER, ENDPOINT_RECORDING, CAN_MOVE, MOVED_PARTICIPANT,
      MOVED_PARTICIPANT_CALL_BRIDGE);
}
