package io.mmsdk.provisioning;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered steps that bring a cluster to a desired state: creates and updates in dependency
 * order, then deletes in reverse order. Secrets are masked. A plan with no steps means the cluster
 * already matches. Render it with {@link #renderText()} or {@link #toJson()}.
 *
 * @param steps the steps in execution order
 * @param warnings things the user should know that do not stop the commit
 */
public record Plan(List<PlanStep> steps, List<String> warnings) {

  /**
   * Copies the lists.
   *
   * @param steps the steps in execution order
   * @param warnings things the user should know that do not stop the commit
   */
  public Plan {
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  /** {@return whether there is nothing to do} */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** {@return how many steps have {@code action}} */
  public long count(PlanAction action) {
    return steps.stream().filter(s -> s.action() == action).count();
  }

  /** {@return a human-readable rendering, one block per step} */
  public String renderText() {
    StringBuilder out = new StringBuilder();
    out.append("Plan: ").append(count(PlanAction.CREATE)).append(" to create, ")
        .append(count(PlanAction.UPDATE)).append(" to update, ")
        .append(count(PlanAction.DELETE)).append(" to delete, ")
        .append(count(PlanAction.ADOPT)).append(" to adopt\n");
    for (PlanStep s : steps) {
      out.append('\n').append(s.action().symbol()).append(' ')
          .append(s.action().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(s.key());
      if (s.id() != null) {
        out.append("  id=").append(s.id());
      }
      if (s.origin() != null) {
        out.append("  (").append(s.origin()).append(')');
      }
      out.append("  [").append(s.effect().label()).append("]\n");
      for (FieldChange c : s.changes()) {
        out.append("    ").append(c.field()).append(": ");
        if (c.secret()) {
          out.append(c.after());
        } else if (s.action() == PlanAction.CREATE) {
          out.append(quote(c.after()));
        } else if (s.action() == PlanAction.DELETE) {
          out.append(quote(c.before())).append(" -> (deleted)");
        } else {
          out.append(quote(c.before())).append(" -> ").append(c.after().isEmpty() && c.before() != null
              ? "(cleared)" : quote(c.after()));
        }
        out.append('\n');
      }
    }
    for (String w : warnings) {
      out.append("\nwarning: ").append(w).append('\n');
    }
    return out.toString();
  }

  private static String quote(String value) {
    return value == null ? "(not set)" : '"' + value + '"';
  }

  /** {@return the plan as indented JSON ({@code steps}, {@code warnings}, {@code summary})} */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> summary = new LinkedHashMap<>();
    for (PlanAction a : PlanAction.values()) {
      summary.put(a.name().toLowerCase(java.util.Locale.ROOT), count(a));
    }
    root.put("summary", summary);
    List<Object> list = new ArrayList<>();
    for (PlanStep s : steps) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("action", s.action().name());
      step.put("kind", s.kind().collection());
      step.put("key", s.key());
      step.put("id", s.id());
      step.put("origin", s.origin());
      step.put("effect", s.effect().name());
      List<Object> changes = new ArrayList<>();
      for (FieldChange c : s.changes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", c.field());
        m.put("before", c.before());
        m.put("after", c.after());
        m.put("secret", c.secret());
        changes.add(m);
      }
      step.put("changes", changes);
      list.add(step);
    }
    root.put("steps", list);
    root.put("warnings", warnings);
    JsonAdapter<Object> adapter = new Moshi.Builder().build().adapter(Object.class);
    return adapter.serializeNulls().indent("  ").toJson(root) + "\n";
  }
}
