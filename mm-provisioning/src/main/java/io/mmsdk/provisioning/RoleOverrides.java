package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Settings of a role that override the system values; a null component means "use the system value"
 * (the Override check box left unchecked). See {@code docs/mm-provisioning.md} for the CMS field
 * each one becomes.
 *
 * @param maximumParticipants maximum active participants (held per space by CMS)
 * @param recordingMode recording mode (held per space by CMS)
 * @param lockedByDefault whether meetings start locked (held per space by CMS)
 * @param passcodeTimeout passcode timeout, whole seconds (held per space by CMS)
 * @param videoAllowed whether participant video is allowed
 * @param defaultLayout default layout
 * @param lastActivatorLeaves behaviour when the last activator leaves
 * @param allowChangeRole whether the role may change role (not sent: no CMS field documented)
 */
public record RoleOverrides(
    Integer maximumParticipants,
    RecordingMode recordingMode,
    Boolean lockedByDefault,
    Duration passcodeTimeout,
    Boolean videoAllowed,
    Layout defaultLayout,
    LastActivatorBehaviour lastActivatorLeaves,
    Boolean allowChangeRole) {

  /** Overrides that change nothing. */
  public static final RoleOverrides NONE =
      new RoleOverrides(null, null, null, null, null, null, null, null);

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RoleOverrides} values. */
  public static final class Builder {
    private Integer maximumParticipants;
    private RecordingMode recordingMode;
    private Boolean lockedByDefault;
    private Duration passcodeTimeout;
    private Boolean videoAllowed;
    private Layout defaultLayout;
    private LastActivatorBehaviour lastActivatorLeaves;
    private Boolean allowChangeRole;

    private Builder() {}

    /**
     * Sets the maximum number of active participants (at least 1).
     *
     * @param maximumParticipants the maximum number of active participants (at least 1)
     * @return this builder
     */
    public Builder maximumParticipants(int maximumParticipants) {
      this.maximumParticipants = maximumParticipants;
      return this;
    }

    /**
     * Sets the recording mode.
     *
     * @param recordingMode the recording mode
     * @return this builder
     */
    public Builder recordingMode(RecordingMode recordingMode) {
      this.recordingMode = requireNonNull(recordingMode, "recordingMode == null");
      return this;
    }

    /**
     * Sets whether meetings start locked.
     *
     * @param lockedByDefault whether meetings start locked
     * @return this builder
     */
    public Builder lockedByDefault(boolean lockedByDefault) {
      this.lockedByDefault = lockedByDefault;
      return this;
    }

    /**
     * Sets how long to wait for a passcode; zero disables the timeout.
     *
     * @param passcodeTimeout how long to wait for a passcode; zero disables the timeout
     * @return this builder
     */
    public Builder passcodeTimeout(Duration passcodeTimeout) {
      this.passcodeTimeout = requireNonNull(passcodeTimeout, "passcodeTimeout == null");
      return this;
    }

    /**
     * Sets whether participant video is allowed.
     *
     * @param videoAllowed whether participant video is allowed
     * @return this builder
     */
    public Builder videoAllowed(boolean videoAllowed) {
      this.videoAllowed = videoAllowed;
      return this;
    }

    /**
     * Sets the default layout.
     *
     * @param defaultLayout the default layout
     * @return this builder
     */
    public Builder defaultLayout(Layout defaultLayout) {
      this.defaultLayout = requireNonNull(defaultLayout, "defaultLayout == null");
      return this;
    }

    /**
     * Sets what happens when the last activator leaves.
     *
     * @param lastActivatorLeaves what happens when the last activator leaves
     * @return this builder
     */
    public Builder lastActivatorLeaves(LastActivatorBehaviour lastActivatorLeaves) {
      this.lastActivatorLeaves = requireNonNull(lastActivatorLeaves, "lastActivatorLeaves == null");
      return this;
    }

    /**
     * Sets whether participants with this role may change role.
     *
     * @param allowChangeRole whether participants with this role may change role
     * @return this builder
     */
    public Builder allowChangeRole(boolean allowChangeRole) {
      this.allowChangeRole = allowChangeRole;
      return this;
    }

    /** {@return the overrides} */
    public RoleOverrides build() {
      return new RoleOverrides(
          maximumParticipants,
          recordingMode,
          lockedByDefault,
          passcodeTimeout,
          videoAllowed,
          defaultLayout,
          lastActivatorLeaves,
          allowChangeRole);
    }
  }
}
