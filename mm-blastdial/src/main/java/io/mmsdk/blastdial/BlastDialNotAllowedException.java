package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

/** Thrown when blast dial cannot be configured on a space; {@link #reason()} says why. */
public final class BlastDialNotAllowedException extends BlastDialException {
  private static final long serialVersionUID = 1L;

  /** Why blast dial cannot be configured. */
  public enum Reason {
    /** This instance does not manage meetings on the space's cluster. */
    CLUSTER_NOT_MANAGED(
        "Blast dial cannot be configured on this space because this Meeting Management does not"
            + " manage meetings on this cluster. To change this, visit Servers and edit this"
            + " cluster."),
    /** Blast dial monitoring is turned off on this instance. */
    MONITORING_OFF(
        "Blast dial cannot be configured on this space because this Meeting Management has blast"
            + " dial monitoring turned off. To change this, visit Settings > Blast dial"
            + " monitoring.");

    private final String explanation;

    Reason(String explanation) {
      this.explanation = explanation;
    }

    /** {@return the explanation shown to administrators} */
    public String explanation() {
      return explanation;
    }
  }

  /** Why the blast dial was refused. */
  private final Reason reason;

  BlastDialNotAllowedException(Reason reason) {
    super(requireNonNull(reason, "reason == null").explanation());
    this.reason = reason;
  }

  /** {@return why blast dial cannot be configured} */
  public Reason reason() {
    return reason;
  }
}
