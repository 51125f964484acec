package io.mmsdk.provisioning;

import static io.mmsdk.cms.CmsFields.ADDRESS;
import static io.mmsdk.cms.CmsFields.BASE_DN;
import static io.mmsdk.cms.CmsFields.CALL_LEG_PROFILE;
import static io.mmsdk.cms.CmsFields.CALL_PROFILE;
import static io.mmsdk.cms.CmsFields.CO_SPACE_CALL_ID_MAPPING;
import static io.mmsdk.cms.CmsFields.CO_SPACE_NAME_MAPPING;
import static io.mmsdk.cms.CmsFields.CO_SPACE_SECONDARY_URI_MAPPING;
import static io.mmsdk.cms.CmsFields.CO_SPACE_TEMPLATE;
import static io.mmsdk.cms.CmsFields.CO_SPACE_URI_MAPPING;
import static io.mmsdk.cms.CmsFields.DEACTIVATION_MODE;
import static io.mmsdk.cms.CmsFields.DEFAULT_LAYOUT;
import static io.mmsdk.cms.CmsFields.DESCRIPTION;
import static io.mmsdk.cms.CmsFields.DIAL_IN_SECURITY_PROFILE;
import static io.mmsdk.cms.CmsFields.FILTER;
import static io.mmsdk.cms.CmsFields.GENERATE_UNIQUE_CALL_ID;
import static io.mmsdk.cms.CmsFields.HAS_LICENSE;
import static io.mmsdk.cms.CmsFields.JID_MAPPING;
import static io.mmsdk.cms.CmsFields.LDAP_SOURCE;
import static io.mmsdk.cms.CmsFields.LOCKED;
import static io.mmsdk.cms.CmsFields.MAPPING;
import static io.mmsdk.cms.CmsFields.MIN_PASSCODE_LENGTH;
import static io.mmsdk.cms.CmsFields.NAME;
import static io.mmsdk.cms.CmsFields.NAME_MAPPING;
import static io.mmsdk.cms.CmsFields.NEEDS_ACTIVATION;
import static io.mmsdk.cms.CmsFields.PARTICIPANT_LIMIT;
import static io.mmsdk.cms.CmsFields.PASSCODE_MODE;
import static io.mmsdk.cms.CmsFields.PASSCODE_TIMEOUT;
import static io.mmsdk.cms.CmsFields.PASSWORD;
import static io.mmsdk.cms.CmsFields.PORT_NUMBER;
import static io.mmsdk.cms.CmsFields.RECORDING_MODE;
import static io.mmsdk.cms.CmsFields.SCOPE;
import static io.mmsdk.cms.CmsFields.SECURE;
import static io.mmsdk.cms.CmsFields.SERVER;
import static io.mmsdk.cms.CmsFields.URI_GENERATOR;
import static io.mmsdk.cms.CmsFields.USERNAME;
import static io.mmsdk.cms.CmsFields.USER_PROFILE;
import static io.mmsdk.cms.CmsFields.USE_PAGED_RESULTS;
import static io.mmsdk.cms.CmsFields.VIDEO_MODE;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a valid {@link DesiredState} into the CMS objects that implement it. Pure: no I/O, no
 * secrets (passwords stay references). The mapping of every setting is documented in {@code
 * docs/mm-provisioning.md}.
 */
public final class CmsTranslation {

  private CmsTranslation() {}

  /**
   * {@return the CMS objects for {@code state}, in creation order}
   *
   * @param state the desired state to translate; not null
   * @throws InvalidDesiredStateException if {@code state} does not validate
   */
  public static List<CmsObjectSpec> translate(DesiredState state) {
    state.validate().throwIfInvalid();
    List<CmsObjectSpec> out = new ArrayList<>();
    for (int i = 0; i < state.ldapServers().size(); i++) {
      out.add(server(state.ldapServers().get(i), "ldapServers[" + i + "]"));
    }
    for (int i = 0; i < state.spaceTemplates().size(); i++) {
      template(state.spaceTemplates().get(i), "spaceTemplates[" + i + "]", out);
    }
    for (int i = 0; i < state.userImports().size(); i++) {
      userImport(state, state.userImports().get(i), "userImports[" + i + "]", out);
    }
    out.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
    return List.copyOf(out);
  }

  /**
   * Returns a warning for every accepted setting that CMS has no field for, naming where it is and
   * the plan step it belongs to, so nothing is dropped silently.
   */
  static List<String> unsentSettings(DesiredState state) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < state.spaceTemplates().size(); i++) {
      SpaceTemplate t = state.spaceTemplates().get(i);
      for (int j = 0; j < t.roles().size(); j++) {
        Role r = t.roles().get(j);
        if (r.overrides().allowChangeRole() != null) {
          out.add("spaceTemplates[" + i + "].roles[" + j + "].overrides.allowChangeRole ("
              + key(CmsKind.CALL_LEG_PROFILE, t.name() + "/" + r.name()) + "): \"Allow change"
              + " role\" = " + r.overrides().allowChangeRole() + " is not sent: CMS documents no"
              + " field for it. Configure it on the Meeting Server, or remove it from the state.");
        }
      }
    }
    return out;
  }

  /** Returns the key of {@code kind} object named {@code name}. */
  static String key(CmsKind kind, String name) {
    return kind.collection() + ":" + name;
  }

  private static CmsObjectSpec server(LdapServer s, String origin) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(NAME.name(), s.name());
    f.put(ADDRESS.name(), s.address());
    f.put(PORT_NUMBER.name(), Integer.toString(s.effectivePort()));
    f.put(SECURE.name(), Boolean.toString(s.protocol() == LdapProtocol.LDAPS));
    f.put(USERNAME.name(), s.bindDn() == null ? "" : s.bindDn());
    f.put(USE_PAGED_RESULTS.name(), Boolean.toString(s.usesPagedResults()));
    Map<String, String> secrets = s.passwordRef() == null || s.passwordRef().isBlank()
        ? Map.of() : Map.of(PASSWORD.name(), s.passwordRef());
    return new CmsObjectSpec(CmsKind.LDAP_SERVER, key(CmsKind.LDAP_SERVER, s.name()), null, f,
        Map.of(), secrets, origin);
  }

  private static void template(SpaceTemplate t, String origin, List<CmsObjectSpec> out) {
    String templateKey = key(CmsKind.CO_SPACE_TEMPLATE, t.name());
    Map<String, String> call = new LinkedHashMap<>();
    Integer limit = t.spaceOverrides().maximumParticipants();
    RecordingMode recording = t.spaceOverrides().recordingMode();
    Boolean locked = t.spaceOverrides().lockedByDefault();
    java.time.Duration timeout = t.spaceOverrides().passcodeTimeout();
    for (Role r : t.roles()) {
      limit = limit != null ? limit : r.overrides().maximumParticipants();
      recording = recording != null ? recording : r.overrides().recordingMode();
      locked = locked != null ? locked : r.overrides().lockedByDefault();
      timeout = timeout != null ? timeout : r.overrides().passcodeTimeout();
    }
    if (limit != null) {
      call.put(PARTICIPANT_LIMIT.name(), limit.toString());
    }
    if (recording != null) {
      call.put(RECORDING_MODE.name(), recording.cmsValue());
    }
    if (locked != null) {
      call.put(LOCKED.name(), locked.toString());
    }
    if (timeout != null && timeout.isZero()) {
      // Seed: "To disable the timeout, enter a value of 0." CMS has no zero timeout: "required"
      // makes a blank passcode be entered explicitly, i.e. the Call Bridge never falls back.
      call.put(PASSCODE_MODE.name(), "required");
    } else if (timeout != null) {
      call.put(PASSCODE_MODE.name(), "timeout");
      call.put(PASSCODE_TIMEOUT.name(), Long.toString(timeout.getSeconds()));
    }
    String callProfileKey = key(CmsKind.CALL_PROFILE, t.name());
    out.add(new CmsObjectSpec(CmsKind.CALL_PROFILE, callProfileKey, null, call, Map.of(), Map.of(),
        origin + ".spaceOverrides"));

    String dialOut = t.defaultDialOutRole() != null ? t.defaultDialOutRole() : t.roles().get(0).name();
    for (int j = 0; j < t.roles().size(); j++) {
      Role r = t.roles().get(j);
      String roleOrigin = origin + ".roles[" + j + "]";
      String legKey = key(CmsKind.CALL_LEG_PROFILE, t.name() + "/" + r.name());
      Map<String, String> leg = new LinkedHashMap<>();
      leg.put(NAME.name(), t.name() + " - " + r.name());
      leg.put(NEEDS_ACTIVATION.name(), Boolean.toString(!r.activator()));
      RoleOverrides o = r.overrides();
      if (o.defaultLayout() != null) {
        leg.put(DEFAULT_LAYOUT.name(), o.defaultLayout().cmsValue());
      }
      if (o.videoAllowed() != null) {
        leg.put(VIDEO_MODE.name(), o.videoAllowed() ? "auto" : "disabled");
      }
      if (o.lastActivatorLeaves() != null) {
        leg.put(DEACTIVATION_MODE.name(), o.lastActivatorLeaves().cmsValue());
      }
      out.add(new CmsObjectSpec(CmsKind.CALL_LEG_PROFILE, legKey, null, leg, Map.of(), Map.of(),
          roleOrigin));
      Map<String, String> method = new LinkedHashMap<>();
      method.put(NAME.name(), r.name());
      boolean unique = t.roleDistinction() == RoleDistinction.UNIQUE_URI;
      method.put(URI_GENERATOR.name(), unique ? r.uriGenerator() : "");
      method.put(GENERATE_UNIQUE_CALL_ID.name(), Boolean.toString(unique));
      method.put(SCOPE.name(), r.visibility().cmsValue());
      Map<String, String> methodRefs = new LinkedHashMap<>();
      methodRefs.put(CALL_LEG_PROFILE.name(), legKey);
      if (r.minPasscodeLength() != null) {
        // The minimum passcode length lives in a dial-in security profile (CMS 3.0+), which the
        // role's access method template references.
        String securityKey = key(CmsKind.DIAL_IN_SECURITY_PROFILE, t.name() + "/" + r.name());
        out.add(new CmsObjectSpec(CmsKind.DIAL_IN_SECURITY_PROFILE, securityKey, null,
            Map.of(NAME.name(), t.name() + " - " + r.name(),
                MIN_PASSCODE_LENGTH.name(), r.minPasscodeLength().toString()),
            Map.of(), Map.of(), roleOrigin + ".minPasscodeLength"));
        methodRefs.put(DIAL_IN_SECURITY_PROFILE.name(), securityKey);
      }
      out.add(new CmsObjectSpec(CmsKind.ACCESS_METHOD_TEMPLATE,
          key(CmsKind.ACCESS_METHOD_TEMPLATE, t.name() + "/" + r.name()), templateKey, method,
          methodRefs, Map.of(), roleOrigin));
    }
    Map<String, String> template = new LinkedHashMap<>();
    template.put(NAME.name(), t.name());
    template.put(DESCRIPTION.name(), t.description() == null ? "" : t.description());
    out.add(new CmsObjectSpec(CmsKind.CO_SPACE_TEMPLATE, templateKey, null, template,
        Map.of(CALL_PROFILE.name(), callProfileKey,
            CALL_LEG_PROFILE.name(), key(CmsKind.CALL_LEG_PROFILE, t.name() + "/" + dialOut)),
        Map.of(), origin));
  }

  /**
   * One import becomes one ldapSource per segment: each filtered automatic-space rule takes the
   * users it matches (minus those of earlier rules), and the rest keep the import's own source,
   * which
   * carries the unfiltered rule's space mappings if there is one. So every user is imported once.
   */
  private static void userImport(DesiredState state, UserImport u, String origin,
      List<CmsObjectSpec> out) {
    String name = u.effectiveName();
    String profileKey = key(CmsKind.USER_PROFILE, name);
    out.add(new CmsObjectSpec(CmsKind.USER_PROFILE, profileKey, null,
        Map.of(HAS_LICENSE.name(), Boolean.toString(u.assignPmpPlus())), Map.of(), Map.of(), origin));

    List<Segment> segments = segments(state, u);
    for (Segment s : segments) {
      Map<String, String> mapping = new LinkedHashMap<>();
      mapping.put(JID_MAPPING.name(), u.loginNameMapping());
      mapping.put(NAME_MAPPING.name(), u.displayNameMapping());
      Map<String, String> mappingRefs = new LinkedHashMap<>();
      if (s.rule != null) {
        mapping.put(CO_SPACE_NAME_MAPPING.name(), s.rule.spaceNameMapping());
        mapping.put(CO_SPACE_URI_MAPPING.name(), s.rule.uriUserPartMapping());
        putIfSet(mapping, CO_SPACE_SECONDARY_URI_MAPPING.name(), s.rule.secondaryUriMapping());
        putIfSet(mapping, CO_SPACE_CALL_ID_MAPPING.name(), s.rule.callIdMapping());
        mappingRefs.put(CO_SPACE_TEMPLATE.name(), key(CmsKind.CO_SPACE_TEMPLATE, s.rule.template()));
      }
      String mappingKey = key(CmsKind.LDAP_MAPPING, s.name);
      out.add(new CmsObjectSpec(CmsKind.LDAP_MAPPING, mappingKey, null, mapping, mappingRefs,
          Map.of(), s.origin));
      Map<String, String> source = new LinkedHashMap<>();
      source.put(BASE_DN.name(), u.baseDn());
      source.put(FILTER.name(), s.filter);
      String sourceKey = key(CmsKind.LDAP_SOURCE, s.name);
      out.add(new CmsObjectSpec(CmsKind.LDAP_SOURCE, sourceKey, null, source,
          Map.of(SERVER.name(), key(CmsKind.LDAP_SERVER, u.server()), MAPPING.name(), mappingKey,
              USER_PROFILE.name(), profileKey),
          Map.of(), s.origin));
      for (int k = 0; k < state.spaceCreationRules().size(); k++) {
        SpaceCreationRule r = state.spaceCreationRules().get(k);
        if (!name.equals(r.userImport())) {
          continue;
        }
        String filter = r.filter() == null || r.filter().isBlank() ? "" : normalize(r.filter());
        Map<String, String> assign = new LinkedHashMap<>();
        assign.put(FILTER.name(), filter);
        out.add(new CmsObjectSpec(CmsKind.LDAP_USER_CO_SPACE_TEMPLATE_SOURCE,
            key(CmsKind.LDAP_USER_CO_SPACE_TEMPLATE_SOURCE,
                s.name + " | " + r.template() + (filter.isEmpty() ? "" : " | " + filter)),
            null, assign,
            Map.of(CO_SPACE_TEMPLATE.name(), key(CmsKind.CO_SPACE_TEMPLATE, r.template()),
                LDAP_SOURCE.name(), sourceKey),
            Map.of(), "spaceCreationRules[" + k + "]"));
      }
    }
  }

  /**
   * Where one slice of an import's users goes: its own source and optional automatic-space rule.
   */
  record Segment(String name, String filter, AutoSpaceRule rule, String origin) {}

  static List<Segment> segments(DesiredState state, UserImport u) {
    String name = u.effectiveName();
    Filter base = parse(u.filter());
    List<Segment> segments = new ArrayList<>();
    List<Filter> earlier = new ArrayList<>();
    AutoSpaceRule unfiltered = null;
    String unfilteredOrigin = null;
    for (int k = 0; k < state.autoSpaceRules().size(); k++) {
      AutoSpaceRule r = state.autoSpaceRules().get(k);
      if (!name.equals(r.userImport())) {
        continue;
      }
      if (r.filter() == null || r.filter().isBlank()) {
        unfiltered = r;
        unfilteredOrigin = "autoSpaceRules[" + k + "]";
        continue;
      }
      Filter rule = parse(r.filter());
      List<Filter> parts = new ArrayList<>();
      parts.add(base);
      parts.add(rule);
      for (Filter e : earlier) {
        parts.add(Filter.createNOTFilter(e));
      }
      earlier.add(rule);
      segments.add(new Segment(name + " | " + rule, Filter.createANDFilter(parts).toString(), r,
          "autoSpaceRules[" + k + "]"));
    }
    String rest;
    if (earlier.isEmpty()) {
      rest = base.toString();
    } else {
      List<Filter> parts = new ArrayList<>();
      parts.add(base);
      for (Filter e : earlier) {
        parts.add(Filter.createNOTFilter(e));
      }
      rest = Filter.createANDFilter(parts).toString();
    }
    segments.add(0, new Segment(name, rest, unfiltered,
        unfilteredOrigin != null ? unfilteredOrigin : "userImports[" + state.userImports().indexOf(u) + "]"));
    return segments;
  }

  private static void putIfSet(Map<String, String> map, String field, String value) {
    if (value != null && !value.isBlank()) {
      map.put(field, value);
    }
  }

  private static String normalize(String filter) {
    return parse(filter).toString();
  }

  private static Filter parse(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw new IllegalStateException("validated filter did not parse: " + filter, e);
    }
  }
}
