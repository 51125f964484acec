package io.mmsdk.core.cluster;

import java.util.Objects;

/**
 * A cluster, Call Bridge or address failed validation. {@link #problem()} says which rule was
 * broken so callers (for example a form) can point at the right field.
 */
public final class InvalidClusterException extends ClusterException {
  private static final long serialVersionUID = 1L;

  /** The validation rule that was broken. */
  public enum Problem {
    /** The host is empty, not a valid DNS name, IPv4 or IPv6 literal. */
    BAD_HOST,
    /** The port is outside 1–65535 or not a number. */
    BAD_PORT,
    /** A display name is blank. */
    BLANK_NAME,
    /** Two Call Bridges (in any cluster) share the same address and port. */
    DUPLICATE_ADDRESS,
    /** Two Call Bridges in a cluster, or two clusters, share the same display name. */
    DUPLICATE_NAME,
    /** Settings contradict each other (for example a Call Bridge without API credentials). */
    CONFLICTING_SETTINGS
  }

  /** What is wrong with the cluster. */
  private final Problem problem;

  /**
   * Creates an exception for {@code problem} with a message naming the value at fault.
   *
   * @param problem what kind of value is wrong, for callers to act on
   * @param message what is wrong and how to fix it, naming the value
   */
  public InvalidClusterException(Problem problem, String message) {
    super(message);
    this.problem = Objects.requireNonNull(problem, "problem == null");
  }

  /** {@return the rule that was broken} */
  public Problem problem() {
    return problem;
  }
}
