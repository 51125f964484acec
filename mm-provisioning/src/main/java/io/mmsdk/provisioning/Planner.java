package io.mmsdk.provisioning;

import static io.mmsdk.cms.CmsFields.NAME;

import io.mmsdk.cms.core.CmsObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Computes a {@link Plan}: a pure function of desired objects, the server view and ownership. */
final class Planner {

  static final String NEW_PREFIX = "(new ";

  private final List<CmsObjectSpec> specs;
  private final ServerSnapshot server;
  private final Map<String, OwnedObject> owned;
  private final Map<String, Set<String>> pending;
  private final Map<String, String> secrets;
  /** key -> CMS id that the key will have after the steps so far (null while it is still new). */
  private final Map<String, String> resolvedIds = new HashMap<>();
  private final Set<String> claimedIds = new HashSet<>();
  private final List<String> warnings = new ArrayList<>();

  Planner(List<CmsObjectSpec> specs, ServerSnapshot server, Map<String, OwnedObject> owned,
      Map<String, Set<String>> pending, Map<String, String> secrets) {
    this.specs = specs;
    this.server = server;
    this.owned = owned;
    this.pending = pending;
    this.secrets = secrets;
  }

  static String fingerprint(String key, String secret) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(("mm-sdk\u0000" + key + "\u0000").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  Plan plan() {
    List<PlanStep> steps = new ArrayList<>();
    Set<String> desiredKeys = new HashSet<>();
    Set<String> ownedIds = new HashSet<>();
    owned.values().forEach(o -> ownedIds.add(o.kind() + "/" + o.id()));
    for (CmsObjectSpec spec : specs) {
      desiredKeys.add(spec.key());
      String parentId = spec.parentKey() == null ? null : resolvedIds.get(spec.parentKey());
      OwnedObject o = owned.get(spec.key());
      CmsObject current = null;
      if (o != null && server.find(spec.kind(), o.id()).isPresent()
          && Objects.equals(parentId, o.parentId())) {
        current = server.find(spec.kind(), o.id()).get();
      }
      if (current == null && pending.containsKey(spec.key()) && (spec.parentKey() == null || parentId != null)) {
        current = findInDoubt(spec, parentId, ownedIds);
        if (current != null) {
          claimedIds.add(spec.kind() + "/" + current.id());
          List<FieldChange> changes = diff(spec, current, null);
          steps.add(new PlanStep(PlanAction.ADOPT, spec.kind(), spec.key(), current.id(), spec.origin(),
              changes, effect(spec.kind(), PlanAction.UPDATE)));
          resolvedIds.put(spec.key(), current.id());
          continue;
        }
      }
      if (current == null) {
        warnIfNameTaken(spec, parentId, ownedIds);
        steps.add(new PlanStep(PlanAction.CREATE, spec.kind(), spec.key(), null, spec.origin(),
            createChanges(spec), effect(spec.kind(), PlanAction.CREATE)));
        resolvedIds.put(spec.key(), null);
        continue;
      }
      resolvedIds.put(spec.key(), current.id());
      List<FieldChange> changes = diff(spec, current, o.secretFingerprint());
      if (!changes.isEmpty()) {
        steps.add(new PlanStep(PlanAction.UPDATE, spec.kind(), spec.key(), current.id(), spec.origin(),
            changes, effect(spec.kind(), PlanAction.UPDATE)));
      }
    }
    List<OwnedObject> gone = new ArrayList<>();
    for (OwnedObject o : owned.values()) {
      if (!desiredKeys.contains(o.key()) && server.find(o.kind(), o.id()).isPresent()) {
        gone.add(o);
      }
    }
    gone.sort(Comparator.comparing((OwnedObject o) -> -o.kind().ordinal()).thenComparing(OwnedObject::key));
    for (OwnedObject o : gone) {
      CmsObject current = server.find(o.kind(), o.id()).get();
      List<FieldChange> changes = new ArrayList<>();
      for (String f : o.kind().managedFields()) {
        String before = current.fields().get(f);
        if (before != null) {
          changes.add(new FieldChange(f, before, null, false));
        }
      }
      steps.add(new PlanStep(PlanAction.DELETE, o.kind(), o.key(), o.id(), null, changes,
          effect(o.kind(), PlanAction.DELETE)));
    }
    return new Plan(steps, warnings);
  }

  private void warnIfNameTaken(CmsObjectSpec spec, String parentId, Set<String> ownedIds) {
    String name = spec.fields().get(NAME.name());
    if (name == null) {
      return;
    }
    for (CmsObject o : server.of(spec.kind())) {
      if (name.equals(o.fields().get(NAME.name()))
          && Objects.equals(parentId, server.parentIdOf(spec.kind(), o))
          && !ownedIds.contains(spec.kind() + "/" + o.id())) {
        warnings.add(spec.kind().collection() + " " + o.id() + " named '" + name + "' exists but is not "
            + "managed by mm-sdk; a new one will be created. To manage the existing one instead, call "
            + "adopt(\"" + spec.key() + "\", \"" + o.id() + "\") and plan again.");
        return;
      }
    }
  }

  private CmsObject findInDoubt(CmsObjectSpec spec, String parentId, Set<String> ownedIds) {
    for (CmsObject candidate : server.of(spec.kind())) {
      String tag = spec.kind() + "/" + candidate.id();
      if (ownedIds.contains(tag) || claimedIds.contains(tag)
          || pending.get(spec.key()).contains(candidate.id())
          || !Objects.equals(parentId, server.parentIdOf(spec.kind(), candidate))) {
        continue;
      }
      boolean match = true;
      for (Map.Entry<String, String> e : desired(spec).entrySet()) {
        if (!same(e.getValue(), candidate.fields().get(e.getKey()))) {
          match = false;
          break;
        }
      }
      if (match) {
        warnings.add("adopting " + spec.kind().collection() + " " + candidate.id() + " for " + spec.key()
            + ": an earlier commit created it but did not record it");
        return candidate;
      }
    }
    return null;
  }

  /** Desired literal and reference values; a reference to an object still to be created renders as (new key). */
  private Map<String, String> desired(CmsObjectSpec spec) {
    Map<String, String> out = new LinkedHashMap<>(spec.fields());
    for (Map.Entry<String, String> r : spec.references().entrySet()) {
      String id = resolvedIds.get(r.getValue());
      out.put(r.getKey(), id != null ? id : NEW_PREFIX + r.getValue() + ")");
    }
    return out;
  }

  private List<FieldChange> createChanges(CmsObjectSpec spec) {
    List<FieldChange> changes = new ArrayList<>();
    for (Map.Entry<String, String> e : ordered(desired(spec), spec.kind()).entrySet()) {
      changes.add(new FieldChange(e.getKey(), null, e.getValue(), false));
    }
    for (String f : spec.secretRefs().keySet()) {
      changes.add(new FieldChange(f, null, "(secret, will be sent)", true));
    }
    return changes;
  }

  private List<FieldChange> diff(CmsObjectSpec spec, CmsObject current, String fingerprint) {
    Map<String, String> desired = desired(spec);
    List<FieldChange> changes = new ArrayList<>();
    for (String f : spec.kind().managedFields()) {
      String want = desired.get(f);
      String have = current.fields().get(f);
      if (want == null) {
        if (have != null && !have.isEmpty()) {
          changes.add(new FieldChange(f, have, "", false));
        }
      } else if (!same(want, have)) {
        changes.add(new FieldChange(f, have, want, false));
      }
    }
    for (Map.Entry<String, String> s : spec.secretRefs().entrySet()) {
      String secret = secrets.get(s.getValue());
      if (fingerprint == null || !fingerprint.equals(fingerprint(spec.key(), secret))) {
        changes.add(new FieldChange(s.getKey(), "(not readable)", "(will be re-sent)", true));
      }
    }
    return changes;
  }

  private static boolean same(String want, String have) {
    if (want == null || want.isEmpty()) {
      return have == null || have.isEmpty();
    }
    return want.equals(have);
  }

  private static Map<String, String> ordered(Map<String, String> values, CmsKind kind) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : kind.managedFields()) {
      if (values.containsKey(f)) {
        out.put(f, values.get(f));
      }
    }
    values.forEach(out::putIfAbsent);
    return out;
  }

  static SpaceEffect effect(CmsKind kind, PlanAction action) {
    switch (kind) {
      case CALL_PROFILE:
      case CALL_LEG_PROFILE:
      case DIAL_IN_SECURITY_PROFILE:
      case CO_SPACE_TEMPLATE:
        return action == PlanAction.UPDATE ? SpaceEffect.EXISTING_AND_NEW_SPACES : SpaceEffect.NEW_SPACES_ONLY;
      case ACCESS_METHOD_TEMPLATE:
        return SpaceEffect.NEW_SPACES_ONLY;
      default:
        return SpaceEffect.NEXT_LDAP_SYNC;
    }
  }
}
