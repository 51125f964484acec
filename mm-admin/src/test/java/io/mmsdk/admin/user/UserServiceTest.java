package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.AccessDeniedException;
import io.mmsdk.admin.access.ConferenceOwnership;
import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.PrivilegeLevel;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditQuery;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final SimulatedClock scheduler = SimulatedClock.startingAt(T0);

  private UserService service(UserStore store) {
    return UserService.builder().scheduler(scheduler).store(store).passwordIterations(PasswordHash.MIN_ITERATIONS).build();
  }

  private UserService withAdmin() {
    UserService s = service(UserStore.inMemory());
    s.createInitialAdministrator("admin", "admin-Pa55word");
    return s;
  }

  @Test
  void createInitialAdministrator_onlyWhenEmpty() {
    UserService s = withAdmin();
    assertThrows(UserException.class, () -> s.createInitialAdministrator("other", "x"));
    assertEquals(List.of(LocalUser.of("admin", Role.ADMINISTRATOR)), s.localUsers());
  }

  @Test
  void addLocalUser_duplicateUsername_rejected() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR), "op1-secret");
    UserException e = assertThrows(UserException.class,
        () -> s.addLocalUser(admin, LocalUser.of("op1", Role.ADMINISTRATOR), "x"));
    assertTrue(e.getMessage().contains("already taken"));
  }

  @Test
  void localUser_validation_tagsNamesAndUsername() {
    assertThrows(UserException.class, () -> LocalUser.of("has space", Role.VIDEO_OPERATOR));
    assertThrows(UserException.class, () -> LocalUser.of("", Role.VIDEO_OPERATOR));
    assertThrows(UserException.class, () -> new LocalUser("a", "", "", Role.ADMINISTRATOR, Set.of("t")));
    Set<String> eleven = Set.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11");
    assertTrue(assertThrows(UserException.class, () -> new LocalUser("a", "", "", Role.VIDEO_OPERATOR, eleven))
        .getMessage().contains("at most 10"));
    LocalUser ten = new LocalUser("a", " Ann ", "", Role.VIDEO_OPERATOR,
        Set.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10"));
    assertEquals("Ann", ten.firstName());
    assertEquals(Set.of(), ten.withRole(Role.ADMINISTRATOR).tags());
  }

  @Test
  void operator_cannotAdminister() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR), "op1-secret");
    Session op = s.signIn("op1", "op1-secret").session();
    AccessDeniedException e = assertThrows(AccessDeniedException.class,
        () -> s.addLocalUser(op, LocalUser.of("x", Role.VIDEO_OPERATOR), "p"));
    assertTrue(e.getMessage().contains("video operator"), e.getMessage());
  }

  @Test
  void forgedSession_roleInCallerCopyIgnored() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR), "op1-secret");
    Session op = s.signIn("op1", "op1-secret").session();
    Session forged = new Session(op.token(), "admin", Role.ADMINISTRATOR, Set.of(), UserSource.LOCAL, op.signedInAt());
    assertThrows(AccessDeniedException.class, () -> s.addLocalUser(forged, LocalUser.of("x", Role.ADMINISTRATOR), "p"));
    Session made = new Session("not-a-token", "admin", Role.ADMINISTRATOR, Set.of(), UserSource.LOCAL, op.signedInAt());
    assertThrows(SessionExpiredException.class, () -> s.addLocalUser(made, LocalUser.of("x", Role.ADMINISTRATOR), "p"));
  }

  @Test
  void deleteLocalUser_self_refusedOtherAdminMay_andOwnershipReset() {
    UserService s = withAdmin();
    ConferenceOwnership owners = ConferenceOwnership.create();
    s.onUserDeleted(owners::userDeleted);
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.addLocalUser(admin, LocalUser.of("admin2", Role.ADMINISTRATOR), "second-Pa55");
    Principal creator = Principal.builder("admin", Role.ADMINISTRATOR).privilege(PrivilegeLevel.ADMINISTRATOR).build();
    owners.schedule(creator, "conf-1", "admin", PrivilegeLevel.ADMINISTRATOR);

    UserException e = assertThrows(UserException.class, () -> s.deleteLocalUser(admin, "admin"));
    assertTrue(e.getMessage().contains("currently signed in with"), e.getMessage());

    Session admin2 = s.signIn("admin2", "second-Pa55").session();
    s.deleteLocalUser(admin2, "admin");
    assertTrue(s.findLocalUser("admin").isEmpty());
    assertTrue(owners.findOwner("conf-1").isEmpty(), "owner reset to none");
    assertThrows(SessionExpiredException.class, () -> s.session(admin.token()), "deleted user's sessions end");
  }

  @Test
  void updateLocalUser_tagsApplyAtNextSignIn() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR).withTags(Set.of("emea")), "op1-secret");
    Session first = s.signIn("op1", "op1-secret").session();
    s.updateLocalUser(admin, s.findLocalUser("op1").orElseThrow().withTags(Set.of("apac")));
    assertEquals(Set.of("emea"), s.session(first.token()).tags());
    assertEquals(Set.of("apac"), s.signIn("op1", "op1-secret").session().tags());
    assertThrows(UserException.class, () -> s.updateLocalUser(admin, LocalUser.of("ghost", Role.VIDEO_OPERATOR)));
  }

  @Test
  void changeOwnPassword_policiesApplyOnlyToOwnChange() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.setPasswordPolicy(admin, PasswordPolicy.builder().enforceMinimumLength(8).restrictReuse(2).build());
    s.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR), "short");
    s.setPassword(admin, "op1", "tiny");
    Session op = s.signIn("op1", "tiny").session();

    assertEquals(PasswordPolicyException.Rule.WRONG_CURRENT_PASSWORD, assertThrows(PasswordPolicyException.class,
        () -> s.changeOwnPassword(op, "wrong", "long-enough-1")).rule());
    PasswordPolicyException tooShort = assertThrows(PasswordPolicyException.class, () -> s.changeOwnPassword(op, "tiny", "seven77"));
    assertEquals(PasswordPolicyException.Rule.TOO_SHORT, tooShort.rule());
    assertFalse(tooShort.getMessage().contains("seven77"), "message never holds the password");
    s.changeOwnPassword(op, "tiny", "password-one");
    s.changeOwnPassword(op, "password-one", "password-two");
    assertEquals(PasswordPolicyException.Rule.RECENTLY_USED, assertThrows(PasswordPolicyException.class,
        () -> s.changeOwnPassword(op, "password-two", "password-two")).rule());
    assertEquals(PasswordPolicyException.Rule.RECENTLY_USED, assertThrows(PasswordPolicyException.class,
        () -> s.changeOwnPassword(op, "password-two", "password-one")).rule());
    assertEquals(PasswordPolicyException.Rule.TOO_SHORT, assertThrows(PasswordPolicyException.class,
        () -> s.changeOwnPassword(op, "password-two", "tiny")).rule(), "length is checked before reuse");
    s.changeOwnPassword(op, "password-two", "password-three");
    assertEquals(PasswordPolicyException.Rule.RECENTLY_USED, assertThrows(PasswordPolicyException.class,
        () -> s.changeOwnPassword(op, "password-three", "password-one")).rule(), "current + 2 previous are remembered");
    s.changeOwnPassword(op, "password-three", "password-four");
    s.changeOwnPassword(op, "password-four", "password-one");
    assertEquals("op1", s.signIn("op1", "password-one").session().username());
  }

  @Test
  void changeOwnPassword_policiesOff_anythingNonEmpty() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.changeOwnPassword(admin, "admin-Pa55word", "x");
    s.changeOwnPassword(s.signIn("admin", "x").session(), "x", "x");
    assertEquals(PasswordPolicy.DEFAULT_MINIMUM_LENGTH, s.passwordPolicy().minimumLength());
    assertFalse(s.passwordPolicy().minimumLengthEnforced());
  }

  @Test
  void suggestPassphrase_needsEnabledPolicyAndDictionary() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    assertTrue(s.suggestPassphrase().isEmpty());
    s.setPasswordPolicy(admin, PasswordPolicy.builder().passphraseGenerator(4).build());
    assertTrue(s.suggestPassphrase().isEmpty(), "no dictionary yet");
    s.setPassphraseDictionary(admin, PassphraseDictionary.parse("alpha\nbravo\ncharlie\n".getBytes(StandardCharsets.UTF_8)));
    String p = s.suggestPassphrase().orElseThrow();
    String[] words = p.split("-");
    assertEquals(4, words.length);
    for (String w : words) {
      assertTrue(Set.of("alpha", "bravo", "charlie").contains(w), p);
    }
  }

  @Test
  void signIn_rateLimit_threeFailuresThenRefusedEvenWhenCorrect_oneTokenPer300s() {
    UserService s = withAdmin();
    for (int i = 0; i < 3; i++) {
      assertEquals(SignInException.Reason.INVALID_CREDENTIALS,
          assertThrows(SignInException.class, () -> s.signIn("admin", "wrong")).reason());
    }
    SignInException limited = assertThrows(SignInException.class, () -> s.signIn("admin", "admin-Pa55word"));
    assertEquals(SignInException.Reason.RATE_LIMITED, limited.reason());
    assertEquals("Too many sign in attempts. Please try again later", limited.getMessage());

    scheduler.advance(Duration.ofSeconds(299));
    assertEquals(SignInException.Reason.RATE_LIMITED,
        assertThrows(SignInException.class, () -> s.signIn("admin", "admin-Pa55word")).reason());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(SignInException.Reason.INVALID_CREDENTIALS,
        assertThrows(SignInException.class, () -> s.signIn("admin", "wrong")).reason(), "one token back after 300 s");
    assertEquals(SignInException.Reason.RATE_LIMITED,
        assertThrows(SignInException.class, () -> s.signIn("admin", "admin-Pa55word")).reason());
    scheduler.advance(Duration.ofSeconds(300));
    SignInResult ok = s.signIn("admin", "admin-Pa55word");
    assertEquals(4, ok.accountActivity().failedAttemptsSincePrevious());
    assertEquals(T0.plusSeconds(300), ok.accountActivity().findLastFailedAttempt().orElseThrow());
  }

  @Test
  void signIn_rateLimit_perUserAndSuccessCostsNothing() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR), "op1-secret");
    for (int i = 0; i < 3; i++) {
      assertThrows(SignInException.class, () -> s.signIn("op1", "bad"));
    }
    for (int i = 0; i < 5; i++) {
      s.signIn("admin", "admin-Pa55word");
    }
    assertEquals(SignInException.Reason.RATE_LIMITED, assertThrows(SignInException.class, () -> s.signIn("op1", "op1-secret")).reason());
    assertEquals(SignInException.Reason.INVALID_CREDENTIALS, assertThrows(SignInException.class, () -> s.signIn("nobody", "x")).reason());
  }

  @Test
  void signIn_rateLimitDisabledOrCustom_followsPolicy() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.setSignInPolicy(admin, SignInPolicy.builder().rateLimit(1, Duration.ofSeconds(10)).build());
    assertThrows(SignInException.class, () -> s.signIn("admin", "bad"));
    assertEquals(SignInException.Reason.RATE_LIMITED, assertThrows(SignInException.class, () -> s.signIn("admin", "bad")).reason());
    scheduler.advance(Duration.ofSeconds(10));
    Session again = s.signIn("admin", "admin-Pa55word").session();
    s.setSignInPolicy(again, SignInPolicy.builder().disableRateLimit().build());
    for (int i = 0; i < 10; i++) {
      assertEquals(SignInException.Reason.INVALID_CREDENTIALS, assertThrows(SignInException.class, () -> s.signIn("admin", "bad")).reason());
    }
  }

  @Test
  void session_idleTimeoutDefault3600_activityResets() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    scheduler.advance(Duration.ofSeconds(3599));
    assertEquals("admin", s.session(admin.token()).username());
    scheduler.advance(Duration.ofSeconds(3599));
    assertTrue(s.findSession(admin.token()).isPresent());
    scheduler.advance(Duration.ofSeconds(1));
    SessionExpiredException e = assertThrows(SessionExpiredException.class, () -> s.session(admin.token()));
    assertTrue(e.getMessage().contains("idle"), e.getMessage());
  }

  @Test
  void session_absolute24h_evenWhenActive() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    for (int i = 0; i < 47; i++) {
      scheduler.advance(Duration.ofMinutes(30));
      s.session(admin.token());
    }
    scheduler.advance(Duration.ofMinutes(29));
    s.session(admin.token());
    scheduler.advance(Duration.ofMinutes(1));
    assertTrue(assertThrows(SessionExpiredException.class, () -> s.session(admin.token())).getMessage().contains("24-hour"));
  }

  @Test
  void session_customIdleTimeoutBoundsAndDisable() {
    assertThrows(IllegalArgumentException.class, () -> SignInPolicy.builder().idleTimeout(Duration.ofSeconds(59)));
    assertThrows(IllegalArgumentException.class, () -> SignInPolicy.builder().idleTimeout(Duration.ofSeconds(86401)));
    SignInPolicy.builder().idleTimeout(Duration.ofSeconds(60)).idleTimeout(Duration.ofSeconds(86400));
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.setSignInPolicy(admin, SignInPolicy.builder().idleTimeout(Duration.ofSeconds(60)).build());
    scheduler.advance(Duration.ofSeconds(60));
    assertTrue(s.findSession(admin.token()).isEmpty());
    Session again = s.signIn("admin", "admin-Pa55word").session();
    s.setSignInPolicy(again, SignInPolicy.builder().disableIdleTimeout().build());
    scheduler.advance(Duration.ofHours(23));
    assertTrue(s.findSession(again.token()).isPresent());
    scheduler.advance(Duration.ofHours(1));
    assertTrue(s.findSession(again.token()).isEmpty());
  }

  @Test
  void signOut_endsSession() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    assertTrue(s.signOut(admin.token()));
    assertFalse(s.signOut(admin.token()));
    assertThrows(SessionExpiredException.class, () -> s.session(admin.token()));
  }

  @Test
  void signIn_messagesAndAccountActivity() {
    UserService s = withAdmin();
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.setSignInPolicy(admin, SignInPolicy.builder().preSignInMessage("Authorized use only").postSignInMessage("Maintenance Sunday")
        .showAccountActivity(true).build());
    assertEquals("Authorized use only", s.preSignInMessage());
    scheduler.advance(Duration.ofMinutes(5));
    assertThrows(SignInException.class, () -> s.signIn("admin", "typo"));
    SignInResult r = s.signIn("admin", "admin-Pa55word");
    assertEquals("Maintenance Sunday", r.postSignInMessage());
    assertTrue(r.showAccountActivity());
    assertEquals(T0, r.accountActivity().findPreviousSignIn().orElseThrow());
    assertEquals(1, r.accountActivity().failedAttemptsSincePrevious());
  }

  @Test
  void secrets_neverInToStringOrAudit() {
    UserService s = withAdmin();
    SignInResult r = s.signIn("admin", "admin-Pa55word");
    assertFalse(r.session().toString().contains(r.session().token()));
    UserRecord rec = s.exportData().users().get(0);
    assertFalse(rec.toString().contains(rec.password().encoded()));
    assertFalse(rec.password().toString().contains("$"));
    for (AuditEvent e : s.audit().query(AuditQuery.all())) {
      assertFalse(e.toString().contains("admin-Pa55word"), e.toString());
    }
    assertEquals(1, s.audit().query(AuditQuery.builder().actionPrefix("signin.").build()).size());
  }

  @Test
  void fileStore_usersAndPoliciesSurviveRestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.properties");
    UserStore store = UserStore.file(file);
    UserService s = service(store);
    s.createInitialAdministrator("admin", "admin-Pa55word");
    Session admin = s.signIn("admin", "admin-Pa55word").session();
    s.addLocalUser(admin, new LocalUser("op=1", "Ann", "Ng:", Role.VIDEO_OPERATOR, Set.of("emea", "b c")), "op-secret");
    s.setPasswordPolicy(admin, PasswordPolicy.builder().enforceMinimumLength(12).passphraseGenerator(3).build());
    s.setPassphraseDictionary(admin, PassphraseDictionary.parse("ünïcode\nword\n".getBytes(StandardCharsets.UTF_8)));
    assertFalse(Files.readString(file).contains("op-secret"));
    store.close();

    UserService restarted = service(UserStore.file(file));
    assertEquals(s.localUsers(), restarted.localUsers());
    assertEquals(s.passwordPolicy(), restarted.passwordPolicy());
    assertEquals(List.of("ünïcode", "word"), restarted.exportData().findDictionary().orElseThrow().words());
    assertEquals("op=1", restarted.signIn("op=1", "op-secret").session().username());
  }
}
