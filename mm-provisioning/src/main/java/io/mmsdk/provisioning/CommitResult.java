package io.mmsdk.provisioning;

import java.util.List;

/**
 * What a successful commit did.
 *
 * @param plan the plan that was executed (computed from a fresh read of the server)
 * @param applied the steps applied, in order (equal to the plan's steps)
 */
public record CommitResult(Plan plan, List<PlanStep> applied) {

  /** Copies {@code applied}. */
  public CommitResult {
    applied = List.copyOf(applied);
  }
}
