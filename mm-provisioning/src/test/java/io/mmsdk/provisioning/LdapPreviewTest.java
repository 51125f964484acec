package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.api.User;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LdapPreviewTest {

  private final InMemoryDirectoryServer ds = Directory.start(false);

  @AfterEach
  void stop() {
    ds.shutDown(true);
  }

  private LdapPreview preview(List<User> existing) {
    return LdapPreview.builder().directories(server -> ds).existingUsers(existing).build();
  }

  @Test
  void run_sample_reportsUsersSpacesLicensesAndChanges() {
    Directory.people(ds);
    PreviewReport r = preview(List.of(Fixtures.user("u1", "swood@example.com", "Sally W.", null),
        Fixtures.user("u2", "gone@example.com", "Gone", null))).run(Fixtures.sample());
    Map<String, PreviewUser> byJid = r.users().stream().collect(Collectors.toMap(PreviewUser::jid, u -> u));
    assertEquals(4, r.users().size(), r.renderText());
    assertEquals(Map.of("staff", 3, "contractors", 2), r.usersPerImport());
    PreviewSpace sally = byJid.get("swood@example.com").spaces().get(0);
    assertEquals(new PreviewSpace("Sally Wood's space", "swood.space", "", "1001", "Team", List.of()), sally);
    assertEquals("bjones.space", byJid.get("BJones@example.com").spaces().get(0).uri(), "URIs are lower-cased");
    assertTrue(byJid.get("ckent@example.com").spaces().isEmpty());
    assertEquals("Clark Kent (contractor)", byJid.get("ckent@example.com").name());
    assertEquals(List.of(new PreviewReport.MultiImportMatch("uid=dual,ou=people,dc=example,dc=com",
        List.of("staff", "contractors"), true)), r.multiImportMatches());
    assertEquals(2, r.pmpPlusLicensesNeeded());
    assertEquals(1, r.pmpPlusLicensesUncertain());
    assertEquals(List.of("swood@example.com"), r.changedUsers());
    assertEquals(List.of("gone@example.com"), r.missingUsers());
    assertEquals(3, r.newUsers().size());
    assertTrue(r.clashes().isEmpty(), r.renderText());
  }

  @Test
  void run_duplicateUrisInDirectory_reportsClashWithBothEntries() {
    Directory.person(ds, "a1", "Ann Smith", "Smith", "1", "staff");
    Directory.person(ds, "a2", "Al Smith", "SMITH", "1", "staff");
    DesiredState s = Fixtures.sample();
    AutoSpaceRule rule = AutoSpaceRule.builder().userImport("staff").spaceNameMapping("$cn$")
        .uriUserPartMapping("$sn$.space").callIdMapping("$employeeNumber$").template("Host and guest").build();
    DesiredState clash = new DesiredState(s.ldapServers(), s.userImports(), List.of(rule), List.of(),
        s.spaceTemplates(), null);
    PreviewReport r = preview(List.of()).run(clash);
    List<String> what = r.clashes().stream().map(c -> c.what() + "=" + c.value()).toList();
    assertEquals(List.of("uri=smith.space", "uri=smith.space.host", "uri=smith.space.guest", "callId=1"), what);
    assertEquals("uid=a1,ou=people,dc=example,dc=com", r.clashes().get(0).firstDn());
    assertEquals("uid=a2,ou=people,dc=example,dc=com", r.clashes().get(0).secondDn());
    assertTrue(r.renderText().contains("CLASH uri 'smith.space'"));
  }

  @Test
  void run_missingLoginAttribute_reportsProblem() {
    Directory.person(ds, "x", "X", "X", "9", "staff");
    DesiredState s = Fixtures.sample();
    UserImport u = s.userImports().get(0);
    UserImport byMail = new UserImport(u.name(), u.server(), u.baseDn(), u.filter(), "$mail$@example.com",
        u.displayNameMapping(), true);
    PreviewReport r = preview(List.of()).run(new DesiredState(s.ldapServers(), List.of(byMail), List.of(),
        List.of(), List.of(), null));
    assertEquals(0, r.users().size());
    assertTrue(r.problems().get(0).contains("[mail]"), r.problems().toString());
  }

  /**
   * CMM: "The LDAP attribute name is case sensitive." The preview checks mapping attributes against
   * the names the directory really returns (not only a fixed list of well-known names) and shows the
   * empty value CMS would produce.
   */
  @Test
  void run_mappingAttributeCaseDiffersFromDirectory_emptyValueAndProblem() {
    Directory.person(ds, "x", "X", "X", "9", "staff");
    DesiredState s = Fixtures.sample();
    UserImport u = s.userImports().get(0);
    UserImport wrongCase = new UserImport(u.name(), u.server(), u.baseDn(), u.filter(),
        u.loginNameMapping(), "$EmployeeType$", true);
    PreviewReport r = preview(List.of()).run(new DesiredState(s.ldapServers(), List.of(wrongCase),
        List.of(), List.of(), List.of(), null));
    assertEquals("", r.users().get(0).name());
    assertTrue(r.problems().stream().anyMatch(p -> p.contains("'EmployeeType'")
        && p.contains("'employeeType'")), r.problems().toString());
  }

  @Test
  void run_filteredRules_pickFirstMatchingRuleElseDefault() {
    Directory.people(ds);
    DesiredState s = Fixtures.sample();
    AutoSpaceRule vip = AutoSpaceRule.builder().userImport("staff").filter("(sn=Wood)")
        .spaceNameMapping("VIP $cn$").uriUserPartMapping("vip.$uid$").template("Host and guest").build();
    DesiredState withVip = new DesiredState(s.ldapServers(), s.userImports(),
        List.of(s.autoSpaceRules().get(0), vip), s.spaceCreationRules(), s.spaceTemplates(), null);
    Map<String, PreviewUser> byJid = preview(List.of()).run(withVip).users().stream()
        .collect(Collectors.toMap(PreviewUser::jid, u -> u));
    assertEquals(List.of("vip.swood.host", "vip.swood.guest"),
        byJid.get("swood@example.com").spaces().get(0).roleUris());
    assertEquals("Team", byJid.get("BJones@example.com").spaces().get(0).template());
  }

  @Test
  void run_smallPages_readsEveryPage() {
    for (int i = 0; i < 25; i++) {
      Directory.person(ds, "p" + i, "Person " + i, "P" + i, String.valueOf(5000 + i), "staff");
    }
    PreviewReport r = LdapPreview.builder().directories(server -> ds).pageSize(7).build().run(Fixtures.sample());
    assertEquals(25, r.users().size());
    assertEquals(25, r.pmpPlusLicensesNeeded());
  }

  @Test
  void run_badBaseDn_failsNamingTheImport() {
    DesiredState s = Fixtures.sample();
    UserImport u = s.userImports().get(0);
    UserImport wrong = new UserImport(u.name(), u.server(), "ou=nobody,dc=example,dc=com", u.filter(),
        u.loginNameMapping(), u.displayNameMapping(), true);
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> preview(List.of())
        .run(new DesiredState(s.ldapServers(), List.of(wrong), List.of(), List.of(), List.of(), null)));
    assertTrue(e.getMessage().contains("'staff'") && e.getMessage().contains("base DN"), e.getMessage());
  }

  @Test
  void run_sizeLimitWithoutPaging_namesTheLimitAndTheFixWithoutNull() {
    InMemoryDirectoryServer limited = Directory.start(false, 5);
    try {
      for (int i = 0; i < 8; i++) {
        Directory.person(limited, "p" + i, "Person " + i, "P" + i, String.valueOf(5000 + i), "staff");
      }
      DesiredState s = Fixtures.sample();
      LdapServer l = s.ldapServers().get(0);
      LdapServer unpaged = new LdapServer(l.name(), l.protocol(), l.address(), l.port(), l.bindDn(),
          l.passwordRef(), false);
      DesiredState state = new DesiredState(List.of(unpaged), s.userImports(), s.autoSpaceRules(),
          s.spaceCreationRules(), s.spaceTemplates(), s.syncSchedule());
      LdapPreview preview = LdapPreview.builder().directories(server -> limited).build();
      ProvisioningException e = assertThrows(ProvisioningException.class, () -> preview.run(state));
      String m = e.getMessage();
      assertTrue(m.contains("size limit exceeded") && m.contains("after returning 5 entries")
          && m.contains("turn on paged results") && m.contains("raise the bind user's size limit"), m);
      assertFalse(m.contains("null") || m.contains("base DN ("), m);
    } finally {
      limited.shutDown(true);
    }
  }

  @Test
  void run_sizeLimitWithPaging_readsEveryPage() {
    InMemoryDirectoryServer limited = Directory.start(false, 5);
    try {
      for (int i = 0; i < 8; i++) {
        Directory.person(limited, "p" + i, "Person " + i, "P" + i, String.valueOf(5000 + i), "staff");
      }
      PreviewReport r = LdapPreview.builder().directories(server -> limited).pageSize(3).build()
          .run(Fixtures.sample());
      assertEquals(8, r.users().size());
    } finally {
      limited.shutDown(true);
    }
  }
}
