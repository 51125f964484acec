package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.core.audit.AuditHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans and commits a {@link DesiredState} on one cluster, through a {@link CmsGateway} to one of
 * its Call Bridges.
 *
 * <p>Ownership: mm-sdk only updates or deletes objects recorded in its {@link OwnershipStore}
 * (those
 * it created, or that were adopted with {@link #adopt}). Everything else on the server is foreign
 * and
 * is never touched, even if it has the same name.
 *
 * <p>Thread-safe; {@link #plan} and {@link #commit} run one at a time. Close it to stop the
 * automatic
 * refresh of the server view.
 */
public final class Provisioner implements AutoCloseable {

  /** How often {@link #startAutoRefresh()} re-reads the server, as Meeting Management does. */
  public static final Duration REFRESH_INTERVAL = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

  private final CmsGateway gateway;
  private final OwnershipStore ownership;
  private final SecretResolver secrets;
  private final Scheduler scheduler;
  private final AuditHook audit;
  private final String actor;
  private final String target;
  private final CommitLock commitLock;
  private ServerSnapshot serverView;
  private DesiredState draft;
  private Scheduler.Cancellable refresh;

  private Provisioner(Builder b) {
    this.gateway = b.gateway;
    this.ownership = b.ownership;
    this.secrets = b.secrets;
    this.scheduler = b.scheduler;
    this.audit = b.audit;
    this.actor = b.actor;
    this.target = b.target;
    this.commitLock = b.commitLock;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads every provisioning object from the server and makes it the current server view.
   *
   * @return the fresh server view
   */
  public synchronized ServerSnapshot refresh() {
    serverView = ServerSnapshot.read(gateway, scheduler.now());
    return serverView;
  }

  /** {@return the last server view, reading it first if there is none} */
  public synchronized ServerSnapshot serverView() {
    return serverView != null ? serverView : refresh();
  }

  /**
   * Stores {@code state} as the local, uncommitted change; automatic refreshes pause while it is
   * set.
   *
   * @param state the desired state the user is editing; not null
   */
  public synchronized void setDraft(DesiredState state) {
    this.draft = requireNonNull(state, "state == null");
  }

  /** {@return the local, uncommitted change, if any} */
  public synchronized Optional<DesiredState> findDraft() {
    return Optional.ofNullable(draft);
  }

  /**
   * Drops the local change and re-reads the last committed settings from the server; audited.
   *
   * @return the server view re-read after dropping the draft
   */
  public ServerSnapshot discard() {
    boolean hadDraft;
    ServerSnapshot view;
    synchronized (this) {
      hadDraft = draft != null;
      draft = null;
      view = refresh();
    }
    audit.changed(actor, "provisioning.discard", target, AuditHook.Outcome.SUCCEEDED,
        hadDraft ? "local changes discarded" : "no local changes; server view re-read");
    return view;
  }

  /**
   * Re-reads the server every {@link #REFRESH_INTERVAL} while no draft is set. Idempotent; stopped
   * by
   * {@link #close()}.
   */
  public synchronized void startAutoRefresh() {
    if (refresh != null) {
      return;
    }
    refresh = scheduler.scheduleRepeating(REFRESH_INTERVAL, REFRESH_INTERVAL, () -> {
      synchronized (this) {
        if (draft == null) {
          try {
            refresh();
          } catch (RuntimeException e) {
            log.warn("Provisioning: refreshing the server view failed; keeping the previous one: {}",
                e.getMessage());
          }
        }
      }
    });
  }

  /**
   * Validates {@code state}, resolves its secrets, then plans it against a fresh read of the
   * server. Nothing is read from the server when the state is invalid.
   *
   * @param state the desired state to plan; not null
   * @return the steps that would make the server match {@code state}, in order
   * @throws InvalidDesiredStateException if {@code state} does not validate or a secret it names
   *     cannot be resolved
   */
  public synchronized Plan plan(DesiredState state) {
    Translated t = translate(state);
    return plan(t, refresh());
  }

  /**
   * Validates and plans {@code state} against {@code server}; performs no server I/O (secrets are
   * resolved through the {@link SecretResolver}).
   *
   * @param state the desired state to plan; not null
   * @param server a server view read earlier (for example by {@link #refresh()}); not null
   * @return the steps that would make {@code server} match {@code state}, in order
   * @throws InvalidDesiredStateException if {@code state} does not validate or a secret it names
   *     cannot be resolved
   */
  public synchronized Plan plan(DesiredState state, ServerSnapshot server) {
    return plan(translate(state), requireNonNull(server, "server == null"));
  }

  private record Translated(List<CmsObjectSpec> specs, Map<String, String> secrets,
      List<String> warnings) {}

  private Translated translate(DesiredState state) {
    requireNonNull(state, "state == null");
    List<CmsObjectSpec> specs = CmsTranslation.translate(state);
    Map<String, String> resolved = new HashMap<>();
    List<ValidationError> errors = new ArrayList<>();
    for (int i = 0; i < state.ldapServers().size(); i++) {
      String ref = state.ldapServers().get(i).passwordRef();
      if (ref == null || ref.isBlank() || resolved.containsKey(ref)) {
        continue;
      }
      try {
        resolved.put(ref, secrets.resolve(ref));
      } catch (ProvisioningException e) {
        errors.add(Validator.error(state, "ldapServers[" + i + "].passwordRef",
            "cannot be resolved: " + e.getMessage()));
      }
    }
    new ValidationResult(errors).throwIfInvalid();
    return new Translated(specs, resolved, CmsTranslation.unsentSettings(state));
  }

  private Plan plan(Translated t, ServerSnapshot server) {
    Map<String, OwnedObject> owned = ownership.owned();
    Plan raw = new Planner(t.specs(), server, owned, ownership.pendingCreates(), t.secrets()).plan();
    List<String> warnings = new ArrayList<>(t.warnings());
    warnings.addAll(raw.warnings());
    return new Plan(raw.steps(), warnings, t.specs(), server, owned, t.secrets(), t.warnings());
  }

  /**
   * Plans {@code state} against a fresh read of the server and commits that plan: {@code
   * commit(plan(state))}. Use {@link #plan} and {@link #commit(Plan)} to review before applying.
   *
   * @param state the desired state to apply; not null
   * @return the steps applied and the objects created, updated or deleted
   * @throws InvalidDesiredStateException if {@code state} does not validate (nothing is sent)
   * @throws CommitFailedException if a step fails; earlier steps stay applied
   */
  public CommitResult commit(DesiredState state) {
    return commit(plan(state));
  }

  /**
   * Applies exactly {@code plan}, the steps the user reviewed ("Review and commit"), in order,
   * recording ownership after every step. The server is read again first; if it (or the ownership
   * record) changed since the plan was made, nothing is applied and {@link PlanOutdatedException}
   * carries a fresh plan of the same desired state to review instead.
   *
   * @param plan a plan this provisioner made, unchanged
   * @return the steps applied and the objects created, updated or deleted
   * @throws PlanOutdatedException if the server changed since {@code plan} was made
   * @throws CommitFailedException if a step fails; earlier steps stay applied
   * @throws IllegalArgumentException if {@code plan} was not made by {@link #plan}
   * @throws CommitInProgressException if another commit holds the {@link Builder#commitLock} (nothing applied)
   */
  public CommitResult commit(Plan plan) {
    requireNonNull(plan, "plan == null");
    String summary = plan.renderText().lines().findFirst().orElse("");
    CommitResult result;
    try (CommitLock.Held held = commitLock.acquire(scheduler.now())) {
      result = apply(plan, held);
    } catch (CommitInProgressException e) {
      audit.changed(actor, "provisioning.commit", target, AuditHook.Outcome.REFUSED,
          summary + "; another commit holds the lock (" + e.holder() + "), nothing applied");
      throw e;
    } catch (PlanOutdatedException e) {
      audit.changed(actor, "provisioning.commit", target, AuditHook.Outcome.REFUSED,
          summary + "; the server changed since the plan was made, nothing applied");
      throw e;
    } catch (CommitFailedException e) {
      audit.changed(actor, "provisioning.commit", target, AuditHook.Outcome.FAILED,
          summary + "; " + e.applied().size() + " step(s) applied before " + e.failedStep().key()
              + " failed");
      throw e;
    }
    audit.changed(actor, "provisioning.commit", target, AuditHook.Outcome.SUCCEEDED,
        summary + "; " + result.applied().size() + " step(s) applied");
    return result;
  }

  // The audit hook is called outside this lock (it may run listeners).
  private synchronized CommitResult apply(Plan plan, CommitLock.Held held) {
    if (!plan.isCommittable()) {
      throw new IllegalArgumentException("This plan was built by hand and carries nothing to"
          + " apply; commit a plan returned by Provisioner.plan(...)");
    }
    ServerSnapshot server = refresh();
    if (!server.sameObjects(plan.server()) || !ownership.owned().equals(plan.owned())) {
      Translated t = new Translated(plan.specs(), plan.secrets(), plan.translationWarnings());
      throw new PlanOutdatedException(plan(t, server));
    }
    // The plan treats owned objects that vanished from the server as new; drop their records.
    forgetVanished(server);
    Map<String, CmsObjectSpec> byKey = new HashMap<>();
    plan.specs().forEach(s -> byKey.put(s.key(), s));
    List<PlanStep> applied = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      try {
        held.renew(scheduler.now());
        apply(step, byKey.get(step.key()), server, plan.secrets());
      } catch (RuntimeException e) {
        throw new CommitFailedException(applied, step, e);
      }
      applied.add(step);
    }
    draft = null;
    serverView = null;
    return new CommitResult(plan, applied);
  }

  /**
   * Takes the existing object {@code cmsId} under mm-sdk's management as the implementation of
   * {@code key} (see {@link CmsObjectSpec#key()}); the next commit updates it instead of creating a
   * new one. This is the only way a foreign object becomes owned.
   *
   * @param key the key of an object the desired state declares
   * @param cmsId the id of the existing server object to take over
   * @throws ProvisioningException if no object of the key's type has that id
   */
  public synchronized void adopt(String key, String cmsId) {
    requireNonNull(key, "key == null");
    requireNonNull(cmsId, "cmsId == null");
    ServerSnapshot server = refresh();
    for (CmsKind kind : CmsKind.values()) {
      if (key.startsWith(kind.collection() + ":")) {
        CmsObject o = server.find(kind, cmsId).orElseThrow(() -> new ProvisioningException(
            "Cannot adopt " + cmsId + " as " + key + ": no " + kind.collection()
                + " object has that id; list the server objects and pass an existing id"));
        ownership.put(new OwnedObject(key, kind, cmsId, server.parentIdOf(kind, o), null));
        return;
      }
    }
    throw new ProvisioningException("Cannot adopt " + cmsId + ": key '" + key
        + "' does not start with a collection name such as ldapServers: or coSpaceTemplates:");
  }

  private void forgetVanished(ServerSnapshot server) {
    for (OwnedObject o : ownership.owned().values()) {
      if (server.find(o.kind(), o.id()).isEmpty()) {
        log.info("Provisioning: {} {} ({}) is no longer on the server; forgetting it",
            o.kind().collection(), o.id(), o.key());
        ownership.forget(o.key());
      }
    }
  }

  private void apply(PlanStep step, CmsObjectSpec spec, ServerSnapshot server,
      Map<String, String> secrets) {
    Map<String, OwnedObject> owned = ownership.owned();
    switch (step.action()) {
      case CREATE -> {
        String parentId = parentId(spec, owned);
        Map<String, String> form = new LinkedHashMap<>(spec.fields());
        spec.references().forEach((f, k) -> form.put(f, idOf(k, owned)));
        String fingerprint = addSecrets(spec, form, secrets);
        // Ids that existed when this commit read the server: an in-doubt object is never one of them.
        java.util.Set<String> existing = new java.util.HashSet<>();
        server.of(spec.kind()).forEach(o -> existing.add(o.id()));
        ownership.markPending(spec.key(), existing);
        String id = gateway.create(spec.kind(), parentId, form(form));
        ownership.put(new OwnedObject(spec.key(), spec.kind(), id, parentId, fingerprint));
      }
      case ADOPT, UPDATE -> {
        String parentId = parentId(spec, owned);
        OwnedObject before = owned.get(spec.key());
        String fingerprint = before == null ? null : before.secretFingerprint();
        if (step.action() == PlanAction.ADOPT) {
          ownership.put(new OwnedObject(spec.key(), spec.kind(), step.id(), parentId, null));
        }
        Map<String, String> form = new LinkedHashMap<>();
        boolean secret = false;
        for (FieldChange c : step.changes()) {
          if (c.secret()) {
            secret = true;
          } else if (spec.references().containsKey(c.field())) {
            form.put(c.field(), idOf(spec.references().get(c.field()), owned));
          } else {
            form.put(c.field(), c.after());
          }
        }
        if (secret) {
          fingerprint = addSecrets(spec, form, secrets);
        }
        if (!form.isEmpty()) {
          gateway.update(spec.kind(), parentId, step.id(), form(form));
        }
        ownership.put(new OwnedObject(spec.key(), spec.kind(), step.id(), parentId, fingerprint));
      }
      case DELETE -> {
        OwnedObject o = owned.get(step.key());
        gateway.delete(step.kind(), o.parentId(), step.id());
        ownership.forget(step.key());
      }
      default -> throw new IllegalStateException("unknown action " + step.action());
    }
  }

  /** The generic form of a field-level change: field names are element names, values wire text. */
  private static Form form(Map<String, String> fields) {
    Form.Builder b = Form.builder();
    fields.forEach(b::set);
    return b.build();
  }

  private static String addSecrets(CmsObjectSpec spec, Map<String, String> form,
      Map<String, String> secrets) {
    String fingerprint = null;
    for (Map.Entry<String, String> s : spec.secretRefs().entrySet()) {
      String secret = secrets.get(s.getValue());
      form.put(s.getKey(), secret);
      fingerprint = Planner.fingerprint(spec.key(), secret);
    }
    return fingerprint;
  }

  private static String parentId(CmsObjectSpec spec, Map<String, OwnedObject> owned) {
    return spec.parentKey() == null ? null : idOf(spec.parentKey(), owned);
  }

  private static String idOf(String key, Map<String, OwnedObject> owned) {
    OwnedObject o = owned.get(key);
    if (o == null) {
      throw new ProvisioningException("Internal ordering error: " + key + " has no CMS id yet");
    }
    return o.id();
  }

  /** Stops the automatic refresh. */
  @Override
  public synchronized void close() {
    if (refresh != null) {
      refresh.cancel();
      refresh = null;
    }
  }

  /** Builds {@link Provisioner} instances. */
  public static final class Builder {
    private CmsGateway gateway;
    private OwnershipStore ownership;
    private SecretResolver secrets = SecretResolver.environment();
    private Scheduler scheduler = Scheduler.system();
    private AuditHook audit = AuditHook.none();
    private String actor = "system";
    private String target = "provisioning";
    private CommitLock commitLock = CommitLock.none();

    private Builder() {}

    /**
     * Reports commits (succeeded, failed part-way, refused as outdated) and discards to {@code
     * audit} as done by {@code actor} (e.g. the signed-in administrator) on {@code target} (e.g.
     * the
     * cluster id); nothing is audited unless set.
     *
     * @param audit where audit entries go; not null
     * @param actor who the entries name as having made the change; not null
     * @param target what the entries name as changed, such as the cluster id; not null
     * @return this builder
     */
    public Builder audit(AuditHook audit, String actor, String target) {
      this.audit = requireNonNull(audit, "audit == null");
      this.actor = requireNonNull(actor, "actor == null");
      this.target = requireNonNull(target, "target == null");
      return this;
    }

    /**
     * Sets the gateway to the cluster (required).
     *
     * @param gateway the gateway to one Call Bridge of the cluster to provision; not null
     * @return this builder
     */
    public Builder gateway(CmsGateway gateway) {
      this.gateway = requireNonNull(gateway, "gateway == null");
      return this;
    }

    /**
     * Sets where ownership is recorded (required; use {@link OwnershipStore#file} in production).
     *
     * @param ownership where ownership is recorded (required; use {@link OwnershipStore#file} in
     *     production)
     * @return this builder
     */
    public Builder ownership(OwnershipStore ownership) {
      this.ownership = requireNonNull(ownership, "ownership == null");
      return this;
    }

    /**
     * Sets how password references are resolved; environment variables unless set.
     *
     * @param secrets how password references are resolved; environment variables unless set
     * @return this builder
     */
    public Builder secrets(SecretResolver secrets) {
      this.secrets = requireNonNull(secrets, "secrets == null");
      return this;
    }

    /**
     * Sets the scheduler; {@link Scheduler#system()} unless set.
     *
     * @param scheduler the scheduler; {@link Scheduler#system()} unless set
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets the lock that keeps commits to this cluster from interleaving across processes (default
     * {@link CommitLock#none()}: this Provisioner is the cluster's only one). A commit that finds the
     * lock held applies nothing and throws {@link CommitInProgressException}.
     *
     * @param lock the lock, e.g. mm-jdbc's {@code JdbcStores.lease(db, "provisioning:" + clusterId, ...)}
     * @return this builder
     */
    public Builder commitLock(CommitLock lock) {
      this.commitLock = requireNonNull(lock, "lock == null");
      return this;
    }

    /** {@return the provisioner} */
    public Provisioner build() {
      if (gateway == null) {
        throw new IllegalStateException("gateway is required; call gateway(...)");
      }
      if (ownership == null) {
        throw new IllegalStateException("ownership is required; call ownership(OwnershipStore.file(path))");
      }
      return new Provisioner(this);
    }
  }
}
