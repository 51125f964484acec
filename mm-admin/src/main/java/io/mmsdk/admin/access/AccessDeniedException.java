package io.mmsdk.admin.access;

import io.mmsdk.common.MmSdkException;
import java.util.Objects;

/** An operation was refused by {@link AccessControl}; {@link #decision()} holds the reason. */
public final class AccessDeniedException extends MmSdkException {
  private static final long serialVersionUID = 1L;
  private final transient Decision decision;

  /**
   * Creates an exception for a denying decision.
   *
   * @param decision the denying decision; its reason becomes the message
   */
  public AccessDeniedException(Decision decision) {
    super("Access denied: " + Objects.requireNonNull(decision, "decision == null").reason());
    this.decision = decision;
  }

  /** {@return the denying decision} */
  public Decision decision() {
    return decision;
  }
}
