package io.mmsdk.provisioning;

/**
 * Another commit to the same cluster holds the {@link CommitLock}, so this one applied nothing. Wait
 * for the other commit to finish, then plan again (its changes make the old plan outdated).
 */
public final class CommitInProgressException extends ProvisioningException {
  private static final long serialVersionUID = 1L;
  /** Who holds the lock, as its holder named itself. */
  private final String holder;

  /**
   * Creates the exception.
   *
   * @param message what is locked, by whom, until when, and what to do
   * @param holder who holds the lock, for example {@code 4711@host-b}
   */
  public CommitInProgressException(String message, String holder) {
    super(message);
    this.holder = holder;
  }

  /** {@return who holds the lock, as its holder named itself} */
  public String holder() {
    return holder;
  }
}
