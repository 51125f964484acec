package io.mmsdk.admin.access;

/**
 * MCU user privilege levels for scheduled-conference ownership, most powerful first. See {@link
 * AccessControl} for what each level may do.
 */
public enum PrivilegeLevel {
  /** Creates and owns conferences; full control of all conferences; may change owners. */
  ADMINISTRATOR("administrator"),
  /** Creates and owns conferences; full control of all conferences; may change owners. */
  CONFERENCE_CREATION_AND_FULL_CONTROL("conference creation and full control"),
  /** Creates and owns conferences; full control of own, limited control of others'. */
  CONFERENCE_CREATION_AND_LIMITED_CONTROL("conference creation and limited control"),
  /** Creates and owns conferences; full control of own, no control of others'. */
  CONFERENCE_CREATION("conference creation"),
  /** Cannot own conferences or change any conference. */
  CONFERENCE_DETAIL("conference detail"),
  /** Cannot own conferences or change any conference. */
  CONFERENCE_LIST_PLUS_STREAMING("conference list plus streaming"),
  /** Cannot own conferences or change any conference. */
  CONFERENCE_LIST_ONLY("conference list only");

  private final String label;

  PrivilegeLevel(String label) {
    this.label = label;
  }

  /** {@return true when users at this level may create and own conferences} */
  public boolean canOwn() {
    return ordinal() <= CONFERENCE_CREATION.ordinal();
  }

  /** {@return true when users at this level may change a conference's owner} */
  public boolean canChangeOwner() {
    return this == ADMINISTRATOR || this == CONFERENCE_CREATION_AND_FULL_CONTROL;
  }

  /**
   * {@return the control this level gives over a conference the user does or does not own}
   *
   * @param owner true if the user owns the conference
   */
  public ControlLevel control(boolean owner) {
    return switch (this) {
      case ADMINISTRATOR, CONFERENCE_CREATION_AND_FULL_CONTROL -> ControlLevel.FULL;
      case CONFERENCE_CREATION_AND_LIMITED_CONTROL -> owner ? ControlLevel.FULL : ControlLevel.LIMITED;
      case CONFERENCE_CREATION -> owner ? ControlLevel.FULL : ControlLevel.NONE;
      case CONFERENCE_DETAIL, CONFERENCE_LIST_PLUS_STREAMING, CONFERENCE_LIST_ONLY -> ControlLevel.NONE;
    };
  }

  /** {@return the level's name as the MCU documentation writes it} */
  public String label() {
    return label;
  }
}
