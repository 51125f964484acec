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
 * already matches. Render it with {@link #renderText()} or {@link #toJson()}, then apply exactly
 * this plan with {@link Provisioner#commit(Plan)}. Immutable.
 *
 * <p>Besides what it shows, a plan keeps what it was computed from (the CMS objects, the server
 * view,
 * the ownership records and the secrets resolved when it was made; never rendered), so a commit can
 * apply it without planning again and tell whether the server changed since.
 */
public final class Plan {
  private final List<PlanStep> steps;
  private final List<String> warnings;
  private final List<CmsObjectSpec> specs;
  private final ServerSnapshot server;
  private final Map<String, OwnedObject> owned;
  private final Map<String, String> secrets;
  private final List<String> translationWarnings;

  /**
   * Creates a plan that can be shown but not committed (it carries no inputs); {@link
   * Provisioner#plan} makes committable ones.
   *
   * @param steps the steps in execution order
   * @param warnings things the user should know that do not stop the commit
   */
  public Plan(List<PlanStep> steps, List<String> warnings) {
    this(steps, warnings, null, null, Map.of(), Map.of(), List.of());
  }

  Plan(List<PlanStep> steps, List<String> warnings, List<CmsObjectSpec> specs,
      ServerSnapshot server, Map<String, OwnedObject> owned, Map<String, String> secrets,
      List<String> translationWarnings) {
    this.steps = List.copyOf(steps);
    this.warnings = List.copyOf(warnings);
    this.specs = specs == null ? null : List.copyOf(specs);
    this.server = server;
    this.owned = Map.copyOf(owned);
    this.secrets = Map.copyOf(secrets);
    this.translationWarnings = List.copyOf(translationWarnings);
  }

  /** {@return the steps in execution order} */
  public List<PlanStep> steps() {
    return steps;
  }

  /** {@return things the user should know that do not stop the commit} */
  public List<String> warnings() {
    return warnings;
  }

  List<CmsObjectSpec> specs() {
    return specs;
  }

  ServerSnapshot server() {
    return server;
  }

  Map<String, OwnedObject> owned() {
    return owned;
  }

  /** Secrets by reference, resolved when the plan was made. */
  Map<String, String> secrets() {
    return secrets;
  }

  List<String> translationWarnings() {
    return translationWarnings;
  }

  /** Returns whether this plan can be committed (it was made by a {@link Provisioner}). */
  boolean isCommittable() {
    return specs != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Plan p && p.steps.equals(steps) && p.warnings.equals(warnings);
  }

  @Override
  public int hashCode() {
    return steps.hashCode() * 31 + warnings.hashCode();
  }

  /** Returns a one-line summary; secrets never appear. */
  @Override
  public String toString() {
    return "Plan[" + renderText().lines().findFirst().orElse("") + ", " + warnings.size()
        + " warning(s)]";
  }

  /** {@return whether there is nothing to do} */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * {@return how many steps have {@code action}}
   *
   * @param action the kind of step to count: create, adopt, update or delete
   */
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
