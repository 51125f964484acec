package io.mmsdk.provisioning;

/**
 * Thrown by {@link Provisioner#commit(Plan)} when the server (or mm-sdk's ownership record) changed
 * after the plan was made, so the reviewed plan may no longer be what would happen. Nothing was
 * applied. Review {@link #freshPlan()}, made from the same desired state against the current
 * server, and commit that one instead.
 */
public final class PlanOutdatedException extends ProvisioningException {
  private static final long serialVersionUID = 1L;
  private final transient Plan freshPlan;

  /**
   * Creates the exception carrying the plan made against the current server.
   *
   * @param freshPlan the same desired state planned against the server as it is now
   */
  public PlanOutdatedException(Plan freshPlan) {
    super("The Meeting Server changed since this plan was made, so it was not applied. Review the"
        + " fresh plan (" + freshPlan.renderText().lines().findFirst().orElse("")
        + ") from PlanOutdatedException.freshPlan() and commit that instead.");
    this.freshPlan = freshPlan;
  }

  /** {@return the plan of the same desired state against the server as it is now} */
  public Plan freshPlan() {
    return freshPlan;
  }
}
