package io.mmsdk.admin.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.AccessDeniedException;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.user.LdapGroupMapping;
import io.mmsdk.admin.user.LdapSettings;
import io.mmsdk.admin.user.LocalUser;
import io.mmsdk.admin.user.PassphraseDictionary;
import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.admin.user.PasswordPolicy;
import io.mmsdk.admin.user.Session;
import io.mmsdk.admin.user.SignInPolicy;
import io.mmsdk.admin.user.UserService;
import io.mmsdk.core.backup.BackupPart;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupManagerTest {
  private static final String PW = "backup-Pa55phrase";
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-04-01T10:00:00Z"));
  private ClusterRegistry registry;
  private UserService users;
  private BackupManager backups;
  private Session admin;

  @BeforeEach
  void setUp() {
    registry = ClusterRegistry.inMemory();
    users = UserService.builder().scheduler(scheduler).passwordIterations(PasswordHash.MIN_ITERATIONS).build();
    backups = BackupManager.create(registry, users, scheduler, PasswordHash.MIN_ITERATIONS);
    users.createInitialAdministrator("admin", "admin-pw");
    admin = users.signIn("admin", "admin-pw").session();
    users.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR).withTags(Set.of("emea")), "op1-pw");
    users.setPasswordPolicy(admin, PasswordPolicy.builder().enforceMinimumLength(10).passphraseGenerator(6).build());
    users.setSignInPolicy(admin, SignInPolicy.builder().idleTimeout(Duration.ofSeconds(900)).preSignInMessage("Legal").build());
    users.setLdapSettings(admin, LdapSettings.builder().host("ldap.example.com").bind("cn=svc", "ldap-secret").baseDn("dc=example,dc=com").build());
    users.setLdapGroups(admin, List.of(new LdapGroupMapping("cn=ops,dc=example,dc=com", Role.VIDEO_OPERATOR, Set.of("emea"))));
    users.setPassphraseDictionary(admin, PassphraseDictionary.parse("one\ntwo\n".getBytes(StandardCharsets.UTF_8)));
    registry.add(Cluster.builder().name("Europe").addCallBridge(
        CallBridge.builder().name("cb1").address("[2001:db8::1]:8443").credentials("api", "api-secret").build()).build());
  }

  private void wipe() {
    users.deleteLocalUser(admin, "op1");
    users.setPasswordPolicy(admin, PasswordPolicy.defaults());
    users.setSignInPolicy(admin, SignInPolicy.defaults());
    users.setLdapGroups(admin, List.of());
    users.setPassphraseDictionary(admin, PassphraseDictionary.parse("zzz\n".getBytes(StandardCharsets.UTF_8)));
    registry.remove(registry.clusters().get(0).id());
  }

  @Test
  void create_encrypted_noSecretsInClearText() {
    byte[] file = backups.create(admin, PW);
    String raw = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(raw.startsWith("MMSDKBK1"));
    for (String secret : List.of("api-secret", "ldap-secret", "pbkdf2", "op1", "Europe")) {
      assertFalse(raw.contains(secret), secret);
    }
    assertFalse(java.util.Arrays.equals(file, backups.create(admin, PW)), "fresh salt and nonce each time");
  }

  @Test
  void restore_both_bringsEverythingBack(@TempDir Path dir) {
    Path file = dir.resolve("mm.backup");
    backups.write(admin, PW, file);
    List<Cluster> clusters = registry.clusters();
    PasswordPolicy policy = users.passwordPolicy();
    SignInPolicy signIn = users.signInPolicy();
    wipe();

    RestoreResult r = backups.restore(admin, file, PW, EnumSet.allOf(BackupPart.class));
    assertEquals(EnumSet.allOf(BackupPart.class), r.parts());
    assertEquals("admin", r.backupCreatedBy());
    assertEquals(clusters, registry.clusters());
    assertEquals(policy, users.passwordPolicy());
    assertEquals(signIn, users.signInPolicy());
    assertEquals(1, users.ldapGroups().size());
    assertEquals("ldap-secret", users.findLdapSettings().orElseThrow().bindPassword());
    assertEquals(List.of("one", "two"), users.exportData().findDictionary().orElseThrow().words());
    assertEquals(Set.of("emea"), users.findLocalUser("op1").orElseThrow().tags());
    assertEquals("op1", users.signIn("op1", "op1-pw").session().username(), "password hashes restored");
  }

  @Test
  void restore_configurationOnly_keepsDatabase() {
    byte[] file = backups.create(admin, PW);
    wipe();
    backups.restore(admin, file, PW, EnumSet.of(BackupPart.CONFIGURATION));
    assertEquals(10, users.passwordPolicy().minimumLength());
    assertEquals(1, users.ldapGroups().size());
    assertTrue(users.findLocalUser("op1").isEmpty());
    assertTrue(registry.clusters().isEmpty());
    assertEquals(List.of("zzz"), users.exportData().findDictionary().orElseThrow().words());
  }

  @Test
  void restore_databaseOnly_keepsConfiguration() {
    byte[] file = backups.create(admin, PW);
    wipe();
    backups.restore(admin, file, PW, EnumSet.of(BackupPart.DATABASE));
    assertFalse(users.passwordPolicy().minimumLengthEnforced());
    assertTrue(users.ldapGroups().isEmpty());
    assertTrue(users.findLocalUser("op1").isPresent());
    assertEquals(1, registry.clusters().size());
    assertEquals(List.of("one", "two"), users.exportData().findDictionary().orElseThrow().words());
  }

  @Test
  void restore_neither_refused() {
    byte[] file = backups.create(admin, PW);
    assertThrows(IllegalArgumentException.class, () -> backups.restore(admin, file, PW, EnumSet.noneOf(BackupPart.class)));
  }

  @Test
  void restore_wrongPassword_clearErrorNothingChanged() {
    byte[] file = backups.create(admin, PW);
    wipe();
    BackupException e = assertThrows(BackupException.class,
        () -> backups.restore(admin, file, "wrong", EnumSet.allOf(BackupPart.class)));
    assertEquals(BackupException.Reason.WRONG_PASSWORD_OR_TAMPERED, e.reason());
    assertFalse(e.getMessage().contains("wrong\""));
    assertTrue(registry.clusters().isEmpty());
    assertTrue(users.findLocalUser("op1").isEmpty());
  }

  @Test
  void restore_headerDemandsHugeIterationCount_refusedBeforeDerivingAKey() {
    byte[] file = backups.create(admin, PW);
    wipe();
    // 50 million PBKDF2 iterations would take about ten seconds per attempt before the tag check.
    java.nio.ByteBuffer.wrap(file).putInt(8, 50_000_000);
    BackupException e = assertThrows(BackupException.class,
        () -> backups.restore(admin, file, PW, EnumSet.allOf(BackupPart.class)));
    assertEquals(BackupException.Reason.WRONG_PASSWORD_OR_TAMPERED, e.reason());
    assertTrue(e.getMessage().contains("iteration count 50000000"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BackupManager.create(registry, users, scheduler, BackupManager.MAX_ITERATIONS + 1));
    assertTrue(registry.clusters().isEmpty());
  }

  @Test
  void restore_tamperedAnywhere_refusedNothingChanged() {
    byte[] file = backups.create(admin, PW);
    wipe();
    for (int pos : new int[] {9, 20, 40, 60, file.length / 2, file.length - 1}) {
      byte[] bad = file.clone();
      bad[pos] ^= 0x01;
      BackupException e = assertThrows(BackupException.class,
          () -> backups.restore(admin, bad, PW, EnumSet.allOf(BackupPart.class)), "byte " + pos);
      assertEquals(BackupException.Reason.WRONG_PASSWORD_OR_TAMPERED, e.reason(), "byte " + pos);
    }
    assertEquals(BackupException.Reason.NOT_A_BACKUP, assertThrows(BackupException.class,
        () -> backups.restore(admin, "hello".getBytes(StandardCharsets.US_ASCII), PW, EnumSet.allOf(BackupPart.class))).reason());
    assertEquals(BackupException.Reason.NOT_A_BACKUP, assertThrows(BackupException.class,
        () -> backups.restore(admin, java.util.Arrays.copyOf(file, 30), PW, EnumSet.allOf(BackupPart.class))).reason());
    assertTrue(registry.clusters().isEmpty());
    assertTrue(users.findLocalUser("op1").isEmpty());
  }

  @Test
  void restore_restoringLocalUserKept() {
    byte[] file = backups.create(admin, PW);
    users.addLocalUser(admin, LocalUser.of("admin2", Role.ADMINISTRATOR), "admin2-pw");
    Session admin2 = users.signIn("admin2", "admin2-pw").session();
    backups.restore(admin2, file, PW, EnumSet.of(BackupPart.DATABASE));
    assertTrue(users.findLocalUser("admin2").isPresent(), "restoring user added to the restored list");
    assertEquals("admin2", users.session(admin2.token()).username());
    assertTrue(users.findLocalUser("admin").isPresent());
    assertEquals("admin2", users.signIn("admin2", "admin2-pw").session().username());
  }

  @Test
  void operator_cannotBackUpOrRestore() {
    byte[] file = backups.create(admin, PW);
    Session op = users.signIn("op1", "op1-pw").session();
    assertThrows(AccessDeniedException.class, () -> backups.create(op, PW));
    assertThrows(AccessDeniedException.class, () -> backups.restore(op, file, PW, EnumSet.allOf(BackupPart.class)));
  }

  @Test
  void write_unwritablePath_ioError(@TempDir Path dir) throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    assertEquals(BackupException.Reason.IO, assertThrows(BackupException.class,
        () -> backups.write(admin, PW, blocker.resolve("sub").resolve("b.bin"))).reason());
    assertArrayEquals("x".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(blocker));
  }
}
