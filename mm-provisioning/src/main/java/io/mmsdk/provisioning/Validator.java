package io.mmsdk.provisioning;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import io.mmsdk.provisioning.internal.MappingExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Collects every problem of a {@link DesiredState}; never stops at the first. */
final class Validator {

  private static final Pattern URI_GENERATOR = Pattern.compile("[a-zA-Z0-9._$-]*");
  private static final List<String> WELL_KNOWN_ATTRIBUTES =
      List.of(
          "sAMAccountName", "userPrincipalName", "displayName", "givenName", "sn", "cn", "mail",
          "telephoneNumber", "mobile", "objectGUID", "entryUUID", "nsuniqueid", "uid",
          "employeeID", "employeeNumber", "department", "title", "memberOf", "objectClass",
          "objectCategory", "ipPhone", "company", "name");

  private final DesiredState state;
  private final List<ValidationError> errors = new ArrayList<>();

  Validator(DesiredState state) {
    this.state = state;
  }

  ValidationResult run() {
    Set<String> servers = checkServers();
    Set<String> templates = checkTemplates();
    Set<String> imports = checkImports(servers);
    checkAutoSpaceRules(imports, templates);
    checkSpaceCreationRules(imports, templates);
    checkSchedule();
    return new ValidationResult(errors);
  }

  private void error(String path, String message) {
    errors.add(error(state, path, message));
  }

  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

  /**
   * Returns the error at {@code path}, also naming each item on the path that has a name: {@code
   * userImports[0].filter} becomes {@code userImports["Engineering"].filter}.
   */
  static ValidationError error(DesiredState state, String path, String message) {
    java.util.regex.Matcher m = INDEXED.matcher(path);
    StringBuilder named = new StringBuilder();
    SpaceTemplate template = null;
    while (m.find()) {
      int i = Integer.parseInt(m.group(2));
      String name = switch (m.group(1)) {
        case "ldapServers" -> i < state.ldapServers().size()
            ? state.ldapServers().get(i).name() : null;
        case "userImports" -> i < state.userImports().size()
            ? state.userImports().get(i).effectiveName() : null;
        case "spaceTemplates" -> {
          template = i < state.spaceTemplates().size() ? state.spaceTemplates().get(i) : null;
          yield template == null ? null : template.name();
        }
        case "roles" -> template != null && i < template.roles().size()
            ? template.roles().get(i).name() : null;
        default -> null;
      };
      String replacement = blank(name) ? m.group() : m.group(1) + "[\"" + name + "\"]";
      m.appendReplacement(named, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    m.appendTail(named);
    return new ValidationError(path, message, named.toString());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private Set<String> checkServers() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < state.ldapServers().size(); i++) {
      LdapServer s = state.ldapServers().get(i);
      String p = "ldapServers[" + i + "]";
      if (blank(s.name())) {
        error(p + ".name", "is required; give each LDAP server a unique name");
      } else if (!names.add(s.name())) {
        error(p + ".name", "'" + s.name() + "' is used by another LDAP server; names must be unique");
      }
      if (s.protocol() == null) {
        error(p + ".protocol", "is required; use LDAPS (recommended) or LDAP");
      }
      if (blank(s.address())) {
        error(p + ".address", "is required; give the LDAP server's host name or IP address");
      }
      if (s.port() != null && (s.port() < 1 || s.port() > 65535)) {
        error(p + ".port", s.port() + " is out of range; use 1-65535 (389 for LDAP, 636 for LDAPS)");
      }
      if (!blank(s.bindDn())) {
        checkDn(p + ".bindDn", s.bindDn());
        if (blank(s.passwordRef())) {
          error(p + ".passwordRef", "is required when bindDn is set; name the secret, e.g. env:LDAP_PASSWORD");
        }
      }
    }
    return names;
  }

  private Set<String> checkImports(Set<String> servers) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < state.userImports().size(); i++) {
      UserImport u = state.userImports().get(i);
      String p = "userImports[" + i + "]";
      if (!names.add(u.effectiveName())) {
        error(p + ".name", "'" + u.effectiveName() + "' is used by another user import; names must be unique");
      }
      if (blank(u.server())) {
        error(p + ".server", "is required; name one of ldapServers");
      } else if (!servers.contains(u.server())) {
        error(p + ".server", "'" + u.server() + "' is not an LDAP server of this state; known: " + servers);
      }
      if (blank(u.baseDn())) {
        error(p + ".baseDn", "is required, e.g. ou=people,dc=example,dc=com");
      } else {
        checkDn(p + ".baseDn", u.baseDn());
      }
      if (blank(u.filter())) {
        error(p + ".filter", "is required, e.g. (objectClass=person)");
      } else {
        checkFilter(p + ".filter", u.filter());
      }
      MappingExpression login = checkMapping(p + ".loginNameMapping", u.loginNameMapping(), true);
      if (login != null && !u.loginNameMapping().contains("@")) {
        error(p + ".loginNameMapping", "'" + u.loginNameMapping()
            + "' has no domain; use the form $sAMAccountName$@example.com");
      }
      checkMapping(p + ".displayNameMapping", u.displayNameMapping(), true);
    }
    return names;
  }

  private void checkAutoSpaceRules(Set<String> imports, Set<String> templates) {
    Map<String, Integer> unfiltered = new HashMap<>();
    for (int i = 0; i < state.autoSpaceRules().size(); i++) {
      AutoSpaceRule r = state.autoSpaceRules().get(i);
      String p = "autoSpaceRules[" + i + "]";
      checkImportRef(p + ".userImport", r.userImport(), imports);
      if (!blank(r.filter())) {
        checkFilter(p + ".filter", r.filter());
      } else if (r.userImport() != null) {
        Integer other = unfiltered.putIfAbsent(r.userImport(), i);
        if (other != null) {
          error(p + ".filter", "autoSpaceRules[" + other + "] already applies to every user of '"
              + r.userImport() + "'; add a filter so each user gets one automatic space");
        }
      }
      checkMapping(p + ".spaceNameMapping", r.spaceNameMapping(), true);
      checkMapping(p + ".uriUserPartMapping", r.uriUserPartMapping(), true);
      checkMapping(p + ".secondaryUriMapping", r.secondaryUriMapping(), false);
      checkMapping(p + ".callIdMapping", r.callIdMapping(), false);
      checkTemplateRef(p + ".template", r.template(), templates);
    }
  }

  private void checkSpaceCreationRules(Set<String> imports, Set<String> templates) {
    for (int i = 0; i < state.spaceCreationRules().size(); i++) {
      SpaceCreationRule r = state.spaceCreationRules().get(i);
      String p = "spaceCreationRules[" + i + "]";
      checkImportRef(p + ".userImport", r.userImport(), imports);
      if (!blank(r.filter())) {
        checkFilter(p + ".filter", r.filter());
      }
      checkTemplateRef(p + ".template", r.template(), templates);
    }
  }

  private void checkImportRef(String path, String name, Set<String> imports) {
    if (blank(name)) {
      error(path, "is required; name one of userImports");
    } else if (!imports.contains(name)) {
      error(path, "'" + name + "' is not a user import of this state; known: " + imports);
    }
  }

  private void checkTemplateRef(String path, String name, Set<String> templates) {
    if (blank(name)) {
      error(path, "is required; name one of spaceTemplates");
    } else if (!templates.contains(name)) {
      error(path, "'" + name + "' is not a space template of this state; known: " + templates);
    }
  }

  private Set<String> checkTemplates() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < state.spaceTemplates().size(); i++) {
      SpaceTemplate t = state.spaceTemplates().get(i);
      String p = "spaceTemplates[" + i + "]";
      if (blank(t.name())) {
        error(p + ".name", "is required; it is the name web app users see");
      } else if (!names.add(t.name())) {
        error(p + ".name", "'" + t.name() + "' is used by another space template; names must be unique");
      }
      if (t.roles().isEmpty()) {
        error(p + ".roles", "must contain at least one role");
      }
      checkRoles(p, t);
      if (t.defaultDialOutRole() != null
          && t.roles().stream().noneMatch(r -> t.defaultDialOutRole().equals(r.name()))) {
        error(p + ".defaultDialOutRole", "'" + t.defaultDialOutRole() + "' is not a role of this template");
      }
      SpaceOverrides s = t.spaceOverrides();
      checkLimit(p + ".spaceOverrides.maximumParticipants", s.maximumParticipants());
      checkTimeout(p + ".spaceOverrides.passcodeTimeout", s.passcodeTimeout());
    }
    return names;
  }

  private void checkRoles(String p, SpaceTemplate t) {
    Set<String> roleNames = new HashSet<>();
    Set<String> generators = new HashSet<>();
    int noPasscode = 0;
    for (int j = 0; j < t.roles().size(); j++) {
      Role r = t.roles().get(j);
      String rp = p + ".roles[" + j + "]";
      if (blank(r.name())) {
        error(rp + ".name", "is required; app users pick invitation details by role name");
      } else if (!roleNames.add(r.name())) {
        error(rp + ".name", "'" + r.name() + "' is used by another role of this template");
      }
      if (r.visibility() == null) {
        error(rp + ".visibility", "is required; use PUBLIC, PRIVATE or MEMBER");
      }
      if (t.roleDistinction() == RoleDistinction.UNIQUE_URI) {
        checkUriGenerator(rp + ".uriGenerator", r.uriGenerator(), generators);
      } else if (!blank(r.uriGenerator())) {
        error(rp + ".uriGenerator", "is only used when roleDistinction is UNIQUE_URI; remove it or "
            + "switch the template to UNIQUE_URI");
      }
      if (r.minPasscodeLength() != null) {
        if (r.minPasscodeLength() < 0) {
          error(rp + ".minPasscodeLength", r.minPasscodeLength() + " is negative; use 0 for no passcode");
        } else if (r.minPasscodeLength() == 0) {
          noPasscode++;
          if (t.roleDistinction() == RoleDistinction.PASSCODE && t.roles().size() > 1 && noPasscode > 1) {
            error(rp + ".minPasscodeLength", "only one role may have no passcode when roles share one "
                + "URI and meeting ID; CMS would give this role a 4 character passcode");
          }
        }
      }
      RoleOverrides o = r.overrides();
      checkLimit(rp + ".overrides.maximumParticipants", o.maximumParticipants());
      checkTimeout(rp + ".overrides.passcodeTimeout", o.passcodeTimeout());
    }
    checkSpaceWide(p, t, "maximumParticipants", RoleOverrides::maximumParticipants,
        t.spaceOverrides().maximumParticipants());
    checkSpaceWide(p, t, "recordingMode", RoleOverrides::recordingMode, t.spaceOverrides().recordingMode());
    checkSpaceWide(p, t, "lockedByDefault", RoleOverrides::lockedByDefault,
        t.spaceOverrides().lockedByDefault());
    checkSpaceWide(p, t, "passcodeTimeout", RoleOverrides::passcodeTimeout,
        t.spaceOverrides().passcodeTimeout());
  }

  /** CMS holds these four in the space's callProfile, so roles must agree with each other. */
  private void checkSpaceWide(String p, SpaceTemplate t, String field,
      Function<RoleOverrides, Object> get, Object spaceValue) {
    Object seen = spaceValue;
    String seenAt = spaceValue == null ? null : p + ".spaceOverrides." + field;
    for (int j = 0; j < t.roles().size(); j++) {
      Object v = get.apply(t.roles().get(j).overrides());
      if (v == null) {
        continue;
      }
      if (seen == null) {
        seen = v;
        seenAt = p + ".roles[" + j + "].overrides." + field;
      } else if (!Objects.equals(seen, v)) {
        error(p + ".roles[" + j + "].overrides." + field, v + " differs from " + seen + " at " + seenAt
            + "; CMS stores " + field + " once per space (callProfile), so use one value");
      }
    }
  }

  private void checkLimit(String path, Integer limit) {
    if (limit != null && limit < 1) {
      error(path, limit + " is not a valid participant limit; use 1 or more, or leave it unset");
    }
  }

  private void checkTimeout(String path, Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.toNanos() % 1_000_000_000L != 0)) {
      error(path, timeout + " must be whole seconds, 0 or more (0 disables the timeout)");
    }
  }

  private void checkUriGenerator(String path, String generator, Set<String> seen) {
    if (blank(generator)) {
      error(path, "is required when roleDistinction is UNIQUE_URI, e.g. $.host");
      return;
    }
    if (!URI_GENERATOR.matcher(generator).matches()) {
      error(path, "'" + generator + "' may only contain a-z, A-Z, 0-9, '.', '-', '_' and '$'");
    }
    long dollars = generator.chars().filter(c -> c == '$').count();
    if (dollars != 1) {
      error(path, "'" + generator + "' contains " + dollars + " '$'; it must contain exactly one, e.g. $.host");
    }
    if (!seen.add(generator)) {
      error(path, "'" + generator + "' is used by another role; each role needs its own URI");
    }
  }

  private void checkSchedule() {
    SyncSchedule s = state.syncSchedule();
    if (s == null) {
      return;
    }
    if (blank(s.callBridge())) {
      error("syncSchedule.callBridge", "is required; name the Call Bridge that runs scheduled syncs");
    }
    if (s.days().isEmpty()) {
      error("syncSchedule.days", "must name at least one day of the week");
    }
    if (s.timeOfDay() == null) {
      error("syncSchedule.timeOfDay", "is required, e.g. 02:00");
    }
  }

  private void checkDn(String path, String dn) {
    try {
      new DN(dn);
    } catch (LDAPException e) {
      error(path, "'" + dn + "' is not a valid DN: " + e.getDiagnosticMessage()
          + "; use the form ou=people,dc=example,dc=com");
    }
  }

  private void checkFilter(String path, String filter) {
    try {
      Filter.create(filter);
    } catch (LDAPException e) {
      error(path, "'" + filter + "' is not a valid RFC 4515 filter: " + e.getMessage()
          + "; e.g. (&(objectClass=person)(mail=*))");
    }
  }

  private MappingExpression checkMapping(String path, String mapping, boolean required) {
    if (blank(mapping)) {
      if (required) {
        error(path, "is required, e.g. $cn$");
      }
      return null;
    }
    MappingExpression expression;
    try {
      expression = MappingExpression.parse(mapping);
    } catch (MappingExpression.SyntaxError e) {
      error(path, "'" + mapping + "': " + e.getMessage());
      return null;
    }
    if (expression.attributes().isEmpty()) {
      error(path, "'" + mapping + "' uses no LDAP attribute; write at least one $attribute$");
    }
    for (String attribute : expression.attributes()) {
      for (String known : WELL_KNOWN_ATTRIBUTES) {
        if (known.equalsIgnoreCase(attribute) && !known.equals(attribute)) {
          error(path, "attribute '" + attribute + "' in '" + mapping
              + "': LDAP attribute names are case sensitive here; did you mean '" + known + "'?");
        }
      }
    }
    return expression;
  }
}
