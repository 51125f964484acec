package io.mmsdk.provisioning;

import java.time.Duration;

/**
 * Space-level settings of a template that override the system values (CMS {@code callProfiles});
 * a null component means "use the system value".
 *
 * @param maximumParticipants maximum active participants ({@code participantLimit})
 * @param recordingMode recording mode ({@code recordingMode})
 * @param lockedByDefault whether meetings start locked ({@code locked})
 * @param passcodeTimeout passcode timeout ({@code passcodeMode=timeout} + {@code passcodeTimeout})
 */
public record SpaceOverrides(
    Integer maximumParticipants,
    RecordingMode recordingMode,
    Boolean lockedByDefault,
    Duration passcodeTimeout) {

  /** Overrides that change nothing. */
  public static final SpaceOverrides NONE = new SpaceOverrides(null, null, null, null);
}
