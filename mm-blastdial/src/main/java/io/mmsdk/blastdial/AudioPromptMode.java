package io.mmsdk.blastdial;

/**
 * The global "automatic join for blast dial participants" setting. A global choice overrides each
 * contact's own prompt setting.
 */
public enum AudioPromptMode {
  /** Each contact's {@link Contact#promptRequired()} decides. */
  PER_CONTACT,
  /** Every contact hears "Press 1 to enter the meeting or * to hang up". */
  ALWAYS,
  /** Nobody hears the prompt; contacts join as soon as they answer. */
  NEVER;

  /**
   * {@return whether a dial-out to {@code contact} asks for confirmation under this mode}
   *
   * @param contact the contact to be dialled
   */
  public boolean promptFor(Contact contact) {
    switch (this) {
      case ALWAYS:
        return true;
      case NEVER:
        return false;
      default:
        return contact.promptRequired();
    }
  }
}
