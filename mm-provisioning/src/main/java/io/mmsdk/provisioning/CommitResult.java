package io.mmsdk.provisioning;

import java.util.List;
import java.util.Locale;

/**
 * What a successful commit did.
 *
 * @param plan the plan that was executed (computed from a fresh read of the server)
 * @param applied the steps applied, in order (equal to the plan's steps)
 */
public record CommitResult(Plan plan, List<PlanStep> applied) {

  /**
   * Copies {@code applied}.
   *
   * @param plan the plan that was executed (computed from a fresh read of the server)
   * @param applied the steps applied, in order (equal to the plan's steps)
   */
  public CommitResult {
    applied = List.copyOf(applied);
  }

  /**
   * {@return a human-readable summary: the count per action, then one line per applied step (with
   * the CMS id where there was one) and the plan's warnings} Secrets never appear.
   */
  public String renderText() {
    StringBuilder out = new StringBuilder("Applied: ");
    String separator = "";
    for (PlanAction action : PlanAction.values()) {
      long n = applied.stream().filter(s -> s.action() == action).count();
      out.append(separator).append(n).append(' ').append(action.name().toLowerCase(Locale.ROOT));
      separator = ", ";
    }
    out.append('\n');
    for (PlanStep s : applied) {
      out.append(s.action().symbol()).append(' ').append(s.key());
      if (s.id() != null) {
        out.append("  id=").append(s.id());
      }
      out.append("  [").append(s.effect().label()).append("]\n");
    }
    for (String w : plan.warnings()) {
      out.append("warning: ").append(w).append('\n');
    }
    return out.toString();
  }
}
