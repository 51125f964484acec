package io.mmsdk.admin.user;

import static io.mmsdk.admin.user.LdapDirectoryTest.ADMINS;
import static io.mmsdk.admin.user.LdapDirectoryTest.MAPPINGS;
import static io.mmsdk.admin.user.LdapDirectoryTest.OPS_APAC;
import static io.mmsdk.admin.user.LdapDirectoryTest.OPS_EMEA;
import static io.mmsdk.admin.user.LdapDirectoryTest.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.AccessDeniedException;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditQuery;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001, section 6.3: tags on individual LDAP users, and tags an LDAP group keeps when it is
 * removed and added back. Uses {@link LdapDirectoryTest}'s in-memory directory.
 */
class LdapTagsFidelityTest {
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));

  @BeforeAll
  static void start() throws Exception {
    LdapDirectoryTest.start();
  }

  @AfterAll
  static void stop() {
    LdapDirectoryTest.stop();
  }

  private UserService service(UserStore store) {
    return UserService.builder().scheduler(scheduler).store(store).passwordIterations(PasswordHash.MIN_ITERATIONS).build();
  }

  /** A service with a local administrator, the directory and {@link LdapDirectoryTest#MAPPINGS}. */
  private UserService withLdap(UserStore store) {
    UserService users = service(store);
    users.createInitialAdministrator("local-admin", "pw-local");
    Session admin = admin(users);
    users.setLdapSettings(admin, plain().build());
    users.setLdapGroups(admin, MAPPINGS);
    return users;
  }

  private static Session admin(UserService users) {
    return users.signIn("local-admin", "pw-local").session();
  }

  private static Set<String> tagsOf(UserService users, String groupDn) {
    return users.ldapGroups().stream().filter(g -> g.groupDn().equalsIgnoreCase(groupDn)).findFirst().orElseThrow().tags();
  }

  @Test
  void individualLdapUserTags_applyAtNextSignIn_togetherWithGroupTags() {
    UserService users = withLdap(UserStore.inMemory());
    Session admin = admin(users);
    Session before = users.signIn("olga", "olga-pw").session();
    assertEquals(Set.of("emea"), before.tags());

    users.setLdapUserTags(admin, "olga", Set.of("lab", " boardroom "));
    assertEquals(Set.of("lab", "boardroom"), users.ldapUserTags("olga"));
    assertEquals(Set.of("emea"), users.session(before.token()).tags(), "an open session keeps its sign-in tags");
    assertEquals(Set.of("emea", "lab", "boardroom"), users.signIn("olga", "olga-pw").session().tags(),
        "at the next sign-in a video operator has the group's tags and their own");
    assertEquals(Set.of(), users.ldapUserTags("omar"));
    assertEquals(Set.of("emea", "apac"), users.signIn("omar", "omar-pw").session().tags());

    List<AuditEvent> audited = users.audit().query(AuditQuery.builder().actionPrefix("user.ldap.tags").build());
    assertEquals(1, audited.size());
    assertEquals("local-admin", audited.get(0).actor());
    assertEquals("olga", audited.get(0).target());

    users.setLdapUserTags(admin, "olga", Set.of());
    assertEquals(Set.of(), users.ldapUserTags("olga"));
    assertEquals(Set.of("emea"), users.signIn("olga", "olga-pw").session().tags());
  }

  @Test
  void administrator_cannotGetTags() {
    UserService users = withLdap(UserStore.inMemory());
    Session admin = admin(users);
    users.setLdapUserTags(admin, "alice", Set.of("emea-lab"));
    Session alice = users.signIn("alice", "alice-pw").session();
    assertEquals(Role.ADMINISTRATOR, alice.role());
    assertEquals(Set.of(), alice.tags(), "an LDAP administrator gets neither group nor individual tags");
    assertThrows(UserException.class, () -> new LdapGroupMapping(ADMINS, Role.ADMINISTRATOR, Set.of("emea")));
  }

  /**
   * Seed 001, 6.3: "It is recommended to use different usernames for both Local and LDAP user group
   * to avoid the tags from being assigned incorrectly."
   */
  @Test
  void useDifferentUsernamesForLocalAndLdapUsers_toAvoidTheTagsFromBeingAssignedIncorrectly() {
    UserService users = withLdap(UserStore.inMemory());
    Session admin = admin(users);
    UserException e = assertThrows(UserException.class, () -> users.setLdapUserTags(admin, "local-admin", Set.of("emea")));
    assertTrue(e.getMessage().contains("different usernames"), e.getMessage());
    assertEquals(Set.of(), users.ldapUserTags("local-admin"));
  }

  @Test
  void moreThanTenTags_orAnOperator_refused_nothingStored(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.properties");
    UserStore store = UserStore.file(file);
    UserService users = withLdap(store);
    Session admin = admin(users);
    users.setLdapUserTags(admin, "olga", IntStream.range(0, LocalUser.MAX_TAGS).mapToObj(i -> "t" + i).collect(Collectors.toSet()));
    String saved = Files.readString(file);

    Set<String> eleven = IntStream.range(0, LocalUser.MAX_TAGS + 1).mapToObj(i -> "t" + i).collect(Collectors.toSet());
    UserException e = assertThrows(UserException.class, () -> users.setLdapUserTags(admin, "olga", eleven));
    assertTrue(e.getMessage().contains("at most 10"), e.getMessage());
    assertThrows(UserException.class, () -> users.setLdapUserTags(admin, "olga", Set.of(" ")));
    assertThrows(UserException.class, () -> new LdapGroupMapping(OPS_EMEA, Role.VIDEO_OPERATOR, eleven));
    Session olga = users.signIn("olga", "olga-pw").session();
    assertThrows(AccessDeniedException.class, () -> users.setLdapUserTags(olga, "omar", Set.of("x")));
    assertEquals(saved, Files.readString(file), "a refused change leaves the stored data as it was");
    assertEquals(LocalUser.MAX_TAGS, users.ldapUserTags("olga").size());
    store.close();
  }

  /**
   * Seed 001, 6.3: "On removing/disconnecting any LDAP user group from Meeting Management and then
   * adding it back, Meeting Management continues to retain the tags assigned by the administrator
   * to that LDAP user group."
   */
  @Test
  void ldapGroupRemovedAndAddedBack_retainsTheTagsAssignedByTheAdministrator_acrossStoreReopen(@TempDir Path dir) {
    Path file = dir.resolve("users.properties");
    UserStore store = UserStore.file(file);
    UserService users = withLdap(store);
    Session admin = admin(users);
    users.setLdapUserTags(admin, "omar", Set.of("lab"));
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0), MAPPINGS.get(2)));
    assertEquals(SignInException.Reason.NO_MAPPED_GROUP,
        assertThrows(SignInException.class, () -> users.signIn("olga", "olga-pw")).reason());
    store.close();

    UserStore reopened = UserStore.file(file);
    UserService restarted = service(reopened);
    Session admin2 = admin(restarted);
    restarted.setLdapGroups(admin2, List.of(MAPPINGS.get(0), MAPPINGS.get(2),
        LdapGroupMapping.of(OPS_EMEA.toUpperCase(Locale.ROOT), Role.VIDEO_OPERATOR)));
    assertEquals(Set.of("emea"), tagsOf(restarted, OPS_EMEA), "added back without tags: the remembered tags return");
    assertEquals(Set.of("emea"), restarted.signIn("olga", "olga-pw").session().tags());
    assertEquals(Set.of("emea", "apac", "lab"), restarted.signIn("omar", "omar-pw").session().tags(),
        "individual tags survive the reopen too");
    assertEquals(1, restarted.audit().query(AuditQuery.all()).stream()
        .filter(ev -> ev.action().equals("ldap.groups") && ev.detail().contains("retained tags given back")).count());
    reopened.close();
  }

  @Test
  void ldapGroupAddedBackWithTags_usesThoseAndReplacesTheRememberedOnes() {
    UserService users = withLdap(UserStore.inMemory());
    Session admin = admin(users);
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0)));
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0), new LdapGroupMapping(OPS_EMEA, Role.VIDEO_OPERATOR, Set.of("nordics"))));
    assertEquals(Set.of("nordics"), tagsOf(users, OPS_EMEA));
    assertEquals(Set.of("nordics"), users.signIn("olga", "olga-pw").session().tags());

    users.setLdapGroups(admin, List.of(MAPPINGS.get(0)));
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0), LdapGroupMapping.of(OPS_EMEA, Role.VIDEO_OPERATOR)));
    assertEquals(Set.of("nordics"), tagsOf(users, OPS_EMEA), "the explicit tags replaced the remembered ones");
  }

  @Test
  void stillMappedGroup_tagsClearedByTheAdministrator_stayCleared() {
    UserService users = withLdap(UserStore.inMemory());
    Session admin = admin(users);
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0), LdapGroupMapping.of(OPS_EMEA, Role.VIDEO_OPERATOR), MAPPINGS.get(2)));
    assertEquals(Set.of(), tagsOf(users, OPS_EMEA));
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0), LdapGroupMapping.of(OPS_EMEA, Role.VIDEO_OPERATOR)));
    assertEquals(Set.of(), tagsOf(users, OPS_EMEA), "only a removed group's tags are remembered");
    users.setLdapGroups(admin, MAPPINGS);
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0), MAPPINGS.get(1)));
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0), MAPPINGS.get(1), LdapGroupMapping.of(OPS_APAC, Role.VIDEO_OPERATOR)));
    assertEquals(Set.of("apac"), tagsOf(users, OPS_APAC));
  }

  @Test
  void filesWithoutTheNewFields_stillLoad_andBackupConfigurationCarriesThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.properties");
    UserStore store = UserStore.file(file);
    UserService users = withLdap(store);
    Session admin = admin(users);
    users.setLdapUserTags(admin, "olga", Set.of("lab"));
    users.setLdapGroups(admin, List.of(MAPPINGS.get(0)));
    UserData data = users.exportData();
    assertEquals(data, UserCodec.decode(UserCodec.encode(data)));
    UserData config = UserCodec.decodeConfig(UserCodec.encodeConfig(data));
    assertEquals(data.ldapUserTags(), config.ldapUserTags());
    assertEquals(data.retainedLdapGroupTags(), config.retainedLdapGroupTags());
    store.close();

    List<String> old = Files.readAllLines(file).stream()
        .filter(l -> !l.contains("ldap.userTags") && !l.contains("ldap.retainedGroup")).toList();
    assertFalse(old.isEmpty());
    Files.write(file, old);
    UserStore reopened = UserStore.file(file);
    UserService restarted = service(reopened);
    assertEquals(Set.of(), restarted.ldapUserTags("olga"));
    assertEquals(List.of(MAPPINGS.get(0)), restarted.ldapGroups());
    assertEquals(data.users(), restarted.exportData().users());
    reopened.close();
  }
}
