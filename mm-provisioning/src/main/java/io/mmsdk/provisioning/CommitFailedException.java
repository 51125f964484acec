package io.mmsdk.provisioning;

import java.util.List;

/**
 * Thrown when a commit stops at a step. CMS has no transactions: the steps in {@link #applied()}
 * are on the server and recorded as owned. Plan again to see exactly what is left, then commit again;
 * the next commit converges without duplicates.
 */
public final class CommitFailedException extends ProvisioningException {
  private static final long serialVersionUID = 1L;
  private final transient List<PlanStep> applied;
  private final transient PlanStep failedStep;

  CommitFailedException(List<PlanStep> applied, PlanStep failedStep, RuntimeException cause) {
    super("Changes could not all be committed: " + applied.size() + " step(s) applied, then "
        + failedStep.action().name().toLowerCase(java.util.Locale.ROOT) + " " + failedStep.key()
        + " failed (" + cause.getMessage() + "). Some changes are on the server; plan again to see "
        + "what is left and commit again.", cause);
    this.applied = List.copyOf(applied);
    this.failedStep = failedStep;
  }

  /** {@return the steps applied before the failure} */
  public List<PlanStep> applied() {
    return applied;
  }

  /** {@return the step that failed} */
  public PlanStep failedStep() {
    return failedStep;
  }
}
