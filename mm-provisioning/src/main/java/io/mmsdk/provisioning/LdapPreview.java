package io.mmsdk.provisioning;

import io.mmsdk.cms.api.User;
import static java.util.Objects.requireNonNull;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.mmsdk.provisioning.internal.MappingExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shows what an LDAP sync of a {@link DesiredState} would do, before anything is committed: runs
 * each
 * import's filter against the real directory (paged when the server uses paged results), evaluates
 * the mappings, and reports users, spaces and URIs (lower-cased), clashes that would fail the sync,
 * users matched by several imports with different PMP Plus settings, the PMP Plus licenses needed,
 * and what would change for users already on CMS.
 *
 * <p>Read-only against both the directory and CMS. Meeting Management has no equivalent.
 */
public final class LdapPreview {

  /**
   * Entries requested per page when paged results are on, unless set: Active Directory's default
   * MaxPageSize.
   */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  private final DirectoryConnector directories;
  private final List<User> existingUsers;
  private final int pageSize;

  private LdapPreview(Builder b) {
    this.directories = b.directories;
    this.existingUsers = b.existingUsers;
    this.pageSize = b.pageSize;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the preview.
   *
   * @param state the desired state whose user imports to preview; not null
   * @return per import, the users the directory holds now and what their spaces would be
   * @throws InvalidDesiredStateException if {@code state} does not validate
   * @throws ProvisioningException if a directory cannot be searched (names the import and the LDAP
   *     error)
   */
  public PreviewReport run(DesiredState state) {
    state.validate().throwIfInvalid();
    Map<String, LdapServer> servers = new HashMap<>();
    state.ldapServers().forEach(s -> servers.put(s.name(), s));
    Map<String, SpaceTemplate> templates = new HashMap<>();
    state.spaceTemplates().forEach(t -> templates.put(t.name(), t));

    Map<String, List<String>> importsByDn = new LinkedHashMap<>();
    Map<String, Boolean> pmpByImport = new HashMap<>();
    Map<String, Integer> perImport = new LinkedHashMap<>();
    Map<String, PreviewUser> usersByDn = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Map<LdapServer, LDAPInterface> open = new HashMap<>();
    try {
      for (UserImport u : state.userImports()) {
        String importName = u.effectiveName();
        pmpByImport.put(importName, u.assignPmpPlus());
        LdapServer server = servers.get(u.server());
        LDAPInterface ldap = open.computeIfAbsent(server, directories::connect);
        ImportEvaluator eval = new ImportEvaluator(state, u, templates);
        int[] count = {0};
        search(ldap, server, u, eval.attributes(), pageSize, entry -> {
          count[0]++;
          String dn = entry.getDN();
          importsByDn.computeIfAbsent(dn, k -> new ArrayList<>()).add(importName);
          if (!usersByDn.containsKey(dn)) {
            PreviewUser user = eval.evaluate(entry, problems);
            if (user != null) {
              usersByDn.put(dn, user);
            }
          }
        });
        perImport.put(importName, count[0]);
      }
    } finally {
      for (LDAPInterface c : open.values()) {
        if (c instanceof LDAPConnection connection) {
          connection.close();
        }
      }
    }
    return report(usersByDn, importsByDn, pmpByImport, perImport, problems);
  }

  private PreviewReport report(Map<String, PreviewUser> usersByDn, Map<String, List<String>> importsByDn,
      Map<String, Boolean> pmpByImport, Map<String, Integer> perImport, List<String> problems) {
    List<PreviewReport.Clash> clashes = new ArrayList<>();
    Map<String, String> jids = new HashMap<>();
    Map<String, String> uris = new HashMap<>();
    Map<String, String> callIds = new HashMap<>();
    for (PreviewUser u : usersByDn.values()) {
      claim(clashes, jids, "jid", u.jid().toLowerCase(Locale.ROOT), u.dn());
      for (PreviewSpace s : u.spaces()) {
        claim(clashes, uris, "uri", s.uri(), u.dn());
        if (!s.secondaryUri().isEmpty()) {
          claim(clashes, uris, "secondaryUri", s.secondaryUri(), u.dn());
        }
        for (String r : s.roleUris()) {
          claim(clashes, uris, "uri", r, u.dn());
        }
        if (!s.callId().isEmpty()) {
          claim(clashes, callIds, "callId", s.callId(), u.dn());
        }
      }
    }
    List<PreviewReport.MultiImportMatch> multi = new ArrayList<>();
    int needed = 0;
    int uncertain = 0;
    for (Map.Entry<String, List<String>> e : importsByDn.entrySet()) {
      List<String> imports = new ArrayList<>(new LinkedHashSet<>(e.getValue()));
      Set<Boolean> pmp = new LinkedHashSet<>();
      imports.forEach(i -> pmp.add(pmpByImport.get(i)));
      boolean differs = pmp.size() > 1;
      if (imports.size() > 1) {
        multi.add(new PreviewReport.MultiImportMatch(e.getKey(), imports, differs));
      }
      if (differs) {
        uncertain++;
      } else if (pmp.contains(Boolean.TRUE)) {
        needed++;
      }
    }
    Map<String, User> onCms = new HashMap<>();
    existingUsers.forEach(c -> onCms.put(jidOf(c), c));
    List<String> newUsers = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (PreviewUser u : usersByDn.values()) {
      String jid = u.jid().toLowerCase(Locale.ROOT);
      seen.add(jid);
      User c = onCms.get(jid);
      if (c == null) {
        newUsers.add(u.jid());
      } else if (c.name().isPresent() && !c.name().get().equals(u.name())) {
        changed.add(u.jid());
      }
    }
    List<String> missing = new ArrayList<>();
    for (User c : existingUsers) {
      if (!seen.contains(jidOf(c))) {
        missing.add(c.userJid().orElse(""));
      }
    }
    return new PreviewReport(new ArrayList<>(usersByDn.values()), perImport, clashes, multi, problems,
        needed, uncertain, newUsers, changed, missing);
  }

  private static String jidOf(User user) {
    return user.userJid().orElse("").toLowerCase(Locale.ROOT);
  }

  private static void claim(List<PreviewReport.Clash> clashes, Map<String, String> owners, String what,
      String value, String dn) {
    String first = owners.putIfAbsent(value, dn);
    if (first != null && !first.equals(dn)) {
      clashes.add(new PreviewReport.Clash(what, value, first, dn));
    }
  }

  private interface EntrySink {
    void accept(SearchResultEntry entry);
  }

  private static void search(LDAPInterface ldap, LdapServer server, UserImport u, String[] attributes,
      int pageSize, EntrySink sink) {
    try {
      ASN1OctetString cookie = null;
      do {
        SearchRequest request = new SearchRequest(u.baseDn(), SearchScope.SUB, Filter.create(u.filter()),
            attributes);
        if (server.usesPagedResults()) {
          request.setControls(new Control[] {new SimplePagedResultsControl(pageSize, cookie)});
        }
        SearchResult result = ldap.search(request);
        for (SearchResultEntry e : result.getSearchEntries()) {
          sink.accept(e);
        }
        cookie = null;
        if (server.usesPagedResults()) {
          SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
          if (response != null && response.moreResultsToReturn()) {
            cookie = response.getCookie();
          }
        }
      } while (cookie != null);
    } catch (LDAPException e) {
      String diagnostic = e.getDiagnosticMessage();
      throw new ProvisioningException("Searching LDAP server '" + server.name() + "' for user import '"
          + u.effectiveName() + "' (base " + u.baseDn() + ", filter " + u.filter() + ") failed: "
          + e.getResultCode() + (diagnostic == null || diagnostic.isBlank() ? "" : " " + diagnostic)
          + "; " + hint(e, server, pageSize), e);
    }
  }

  /** Says what to do about a failed search: a size limit has a different fix from a wrong base. */
  private static String hint(LDAPException e, LdapServer server, int pageSize) {
    if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
      return "check the base DN (case sensitive), the filter and the bind user's read rights";
    }
    String returned = e instanceof LDAPSearchException s
        ? " after returning " + s.getEntryCount() + " entries" : "";
    if (server.usesPagedResults()) {
      return "the directory's size limit for paged searches stopped the search" + returned
          + "; raise the bind user's limit (OpenLDAP: limits ... size.pr=unlimited) or lower the"
          + " page size (now " + pageSize + ")";
    }
    return "the directory's size limit stopped the search" + returned + "; turn on paged results"
        + " for server '" + server.name() + "' (pagedResults true) or raise the bind user's size"
        + " limit (OpenLDAP: limits ... size=unlimited)";
  }

  /** Evaluates one import's mappings and automatic-space rules on entries. */
  private static final class ImportEvaluator {
    private final UserImport u;
    private final MappingExpression login;
    private final MappingExpression display;
    private final List<RuleEval> rules = new ArrayList<>();
    private final Set<String> attributes = new LinkedHashSet<>();
    private final Set<String> mappingAttributes = new LinkedHashSet<>();
    private final Set<String> reportedCase = new HashSet<>();

    ImportEvaluator(DesiredState state, UserImport u, Map<String, SpaceTemplate> templates) {
      this.u = u;
      this.login = parse(u.loginNameMapping());
      this.display = parse(u.displayNameMapping());
      // Segment 0 holds the users no filtered rule takes (with the unfiltered rule, if any); the
      // others are disjoint filtered slices, exactly as they become ldapSources.
      List<CmsTranslation.Segment> segments = CmsTranslation.segments(state, u);
      for (int i = 1; i <= segments.size(); i++) {
        CmsTranslation.Segment s = segments.get(i % segments.size());
        if (s.rule() == null) {
          continue;
        }
        AutoSpaceRule r = s.rule();
        Filter filter;
        try {
          filter = Filter.create(s.filter());
        } catch (LDAPException e) {
          throw new IllegalStateException("translated filter did not parse: " + s.filter(), e);
        }
        RuleEval eval = new RuleEval(filter, parse(r.spaceNameMapping()), parse(r.uriUserPartMapping()),
            parse(r.secondaryUriMapping()), parse(r.callIdMapping()), templates.get(r.template()));
        eval.fallback = i == segments.size();
        rules.add(eval);
        collect(filter);
      }
      for (MappingExpression m : new MappingExpression[] {login, display}) {
        mappingAttributes.addAll(m.attributes());
      }
      for (RuleEval r : rules) {
        for (MappingExpression m : new MappingExpression[] {r.name, r.uri, r.secondary, r.callId}) {
          if (m != null) {
            mappingAttributes.addAll(m.attributes());
          }
        }
      }
      attributes.addAll(mappingAttributes);
    }

    private void collect(Filter f) {
      if (f.getAttributeName() != null) {
        attributes.add(f.getAttributeName());
      }
      for (Filter c : f.getComponents()) {
        collect(c);
      }
      if (f.getNOTComponent() != null) {
        collect(f.getNOTComponent());
      }
    }

    String[] attributes() {
      return attributes.toArray(new String[0]);
    }

    private static MappingExpression parse(String mapping) {
      return mapping == null || mapping.isBlank() ? null : MappingExpression.parse(mapping);
    }

    PreviewUser evaluate(SearchResultEntry entry, List<String> problems) {
      // CMS reads attribute names case-sensitively ("The LDAP attribute name is case sensitive"),
      // so the preview looks them up by the exact name the directory returns and shows the empty
      // value CMS would produce for a name that differs only in case.
      Map<String, String> byName = new HashMap<>();
      for (com.unboundid.ldap.sdk.Attribute a : entry.getAttributes()) {
        if (a.getValue() != null) {
          byName.putIfAbsent(a.getName(), a.getValue());
        }
      }
      for (String wanted : mappingAttributes) {
        if (!byName.containsKey(wanted) && entry.hasAttribute(wanted)
            && reportedCase.add(wanted)) {
          String actual = entry.getAttribute(wanted).getName();
          problems.add(u.effectiveName() + ": mapping attribute '" + wanted + "' is returned by the"
              + " directory as '" + actual + "' (e.g. " + entry.getDN() + "); attribute names are"
              + " case sensitive, so CMS produces an empty value. Write $" + actual + "$.");
        }
      }
      java.util.function.Function<String, String> values = byName::get;
      String jid = login.evaluate(values);
      String name = display.evaluate(values);
      if (jid == null) {
        problems.add(entry.getDN() + " (" + u.effectiveName() + "): login name mapping '" + login.source()
            + "' needs attributes " + login.attributes() + " and one is missing; the user cannot be imported");
        return null;
      }
      if (name == null) {
        problems.add(entry.getDN() + " (" + u.effectiveName() + "): display name mapping '" + display.source()
            + "' needs attributes " + display.attributes() + " and one is missing");
        name = "";
      }
      List<PreviewSpace> spaces = new ArrayList<>();
      for (RuleEval r : rules) {
        boolean matches;
        try {
          matches = r.fallback || r.filter.matchesEntry(entry);
        } catch (LDAPException e) {
          matches = false;
        }
        if (!matches) {
          continue;
        }
        String uri = r.uri.evaluate(values);
        if (uri == null) {
          problems.add(entry.getDN() + ": URI user part mapping '" + r.uri.source() + "' needs attributes "
              + r.uri.attributes() + " and one is missing; no space will be created");
          break;
        }
        uri = uri.toLowerCase(Locale.ROOT);
        String spaceName = orEmpty(r.name == null ? null : r.name.evaluate(values));
        String secondary = orEmpty(r.secondary == null ? null : r.secondary.evaluate(values))
            .toLowerCase(Locale.ROOT);
        String callId = orEmpty(r.callId == null ? null : r.callId.evaluate(values));
        List<String> roleUris = new ArrayList<>();
        if (r.template != null && r.template.roleDistinction() == RoleDistinction.UNIQUE_URI) {
          for (Role role : r.template.roles()) {
            roleUris.add(role.uriGenerator().replace("$", uri).toLowerCase(Locale.ROOT));
          }
        }
        spaces.add(new PreviewSpace(spaceName, uri, secondary, callId,
            r.template == null ? "" : r.template.name(), roleUris));
        break;
      }
      return new PreviewUser(entry.getDN(), u.effectiveName(), jid, name, u.assignPmpPlus(), spaces);
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }

  private static final class RuleEval {
    final Filter filter;
    final MappingExpression name;
    final MappingExpression uri;
    final MappingExpression secondary;
    final MappingExpression callId;
    final SpaceTemplate template;
    boolean fallback;

    RuleEval(Filter filter, MappingExpression name, MappingExpression uri, MappingExpression secondary,
        MappingExpression callId, SpaceTemplate template) {
      this.filter = filter;
      this.name = name;
      this.uri = uri;
      this.secondary = secondary;
      this.callId = callId;
      this.template = template;
    }
  }

  /** Builds {@link LdapPreview} instances. */
  public static final class Builder {
    private DirectoryConnector directories;
    private List<User> existingUsers = List.of();
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder() {}

    /**
     * Sets how many entries to request per page when the server uses paged results; {@value
     * #DEFAULT_PAGE_SIZE} unless set. Servers may return fewer (Active Directory caps at
     * MaxPageSize).
     *
     * @param pageSize how many entries to request per page when the server uses paged results;
     *     {@value #DEFAULT_PAGE_SIZE} unless set
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets how directories are reached (required).
     *
     * @param directories how directories are reached (required)
     * @return this builder
     */
    public Builder directories(DirectoryConnector directories) {
      this.directories = requireNonNull(directories, "directories == null");
      return this;
    }

    /**
     * Sets the users already on CMS (for example {@link CmsGateway#users()}), to report changes;
     * each needs {@code userJid}, and {@code name} to report a changed display name.
     *
     * @param existingUsers the users already on CMS, as {@code GET /users/<id>} returns them
     * @return this builder
     */
    public Builder existingUsers(List<User> existingUsers) {
      this.existingUsers = List.copyOf(requireNonNull(existingUsers, "existingUsers == null"));
      return this;
    }

    /** {@return the preview} */
    public LdapPreview build() {
      if (directories == null) {
        throw new IllegalStateException("directories is required; call directories(...)");
      }
      return new LdapPreview(this);
    }
  }
}
