package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.store.StoreContract;
import io.mmsdk.admin.access.Role;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link UserStore} (users, password and sign-in policies, LDAP settings,
 * group mappings and tags), tested through the interface alone: subclass it once per backend.
 */
public abstract class UserStoreContract extends StoreContract<UserStore> {
  private static final PasswordHash HASH = PasswordHash.create("pw", PasswordHash.MIN_ITERATIONS, new SecureRandom());
  private static final PasswordHash OLD = PasswordHash.create("old", PasswordHash.MIN_ITERATIONS, new SecureRandom());

  /** Damages the saved data, while the store is closed, so that it can no longer be read. */
  protected abstract void damage() throws Exception;

  /** {@inheritDoc} The driver is a subclass of this contract's {@link Driver}. */
  @Override
  protected abstract Class<? extends Driver> processDriver();

  static UserData rich() {
    return new UserData(
        List.of(new UserRecord(new LocalUser("op=1", "Ann", "Ng:", Role.VIDEO_OPERATOR, Set.of("emea", "b c")), HASH, List.of(OLD)),
            new UserRecord(LocalUser.of("admin", Role.ADMINISTRATOR), HASH, List.of())),
        PassphraseDictionary.parse("\u00fcn\u00efcode\nword\n".getBytes(StandardCharsets.UTF_8)),
        PasswordPolicy.builder().enforceMinimumLength(12).passphraseGenerator(3).build(),
        SignInPolicy.builder().idleTimeout(Duration.ofMinutes(5)).preSignInMessage("Hi = \"all\"\nline 2").build(),
        LdapSettings.builder().host("ldap.example.com").port(636).bind("cn=svc", "svc=secret#1").baseDn("dc=example,dc=com").build(),
        List.of(new LdapGroupMapping("cn=ops,dc=example,dc=com", Role.VIDEO_OPERATOR, Set.of("emea"))),
        Map.of("uid=ann,dc=example,dc=com", Set.of("apac")),
        Map.of("cn=gone,dc=example,dc=com", Set.of("old")));
  }

  static UserData withUsers(int n) {
    List<UserRecord> users = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      users.add(new UserRecord(LocalUser.of("u" + i, Role.VIDEO_OPERATOR), HASH, List.of()));
    }
    return new UserData(users, null, PasswordPolicy.defaults(), SignInPolicy.defaults(), null, List.of(), Map.of(), Map.of());
  }

  @Test
  void load_nothingSaved_isEmpty() {
    assertEquals(UserData.empty(), reopen().load());
  }

  @Test
  void save_thenReopen_roundTripsEverything() {
    reopen().save(rich());
    UserData back = reopen().load();
    assertEquals(rich().users(), back.users());
    assertEquals(rich().passwordPolicy(), back.passwordPolicy());
    assertEquals(rich().signInPolicy(), back.signInPolicy());
    assertEquals(rich().ldapSettings(), back.ldapSettings());
    assertEquals(rich().ldapGroups(), back.ldapGroups());
    assertEquals(rich().ldapUserTags(), back.ldapUserTags());
    assertEquals(rich().retainedLdapGroupTags(), back.retainedLdapGroupTags());
    assertEquals(List.of("\u00fcn\u00efcode", "word"), back.findDictionary().orElseThrow().words());
    assertTrue(back.users().get(0).password().matches("pw"));
  }

  @Test
  void save_again_replacesEverything() {
    reopen().save(rich());
    reopen().save(withUsers(0));
    UserData back = reopen().load();
    assertEquals(withUsers(0).users(), back.users());
    assertEquals(null, back.ldapSettings());
    assertEquals(Map.of(), back.ldapUserTags());
  }

  @Test
  void badInput_isRejectedAndTheSavedDataKept() {
    UserStore store = reopen();
    store.save(withUsers(2));
    assertThrows(NullPointerException.class, () -> store.save(null));
    assertEquals(withUsers(2).users(), reopen().load().users());
  }

  @Test
  void afterClose_isRejected() {
    assertRejectedAfterClose(UserStore::load, s -> s.save(UserData.empty()));
  }

  @Test
  void save_concurrentCallers_loadAlwaysSeesOneWholeSave() throws Exception {
    UserStore store = reopen();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < 15; i++) {
            store.save(withUsers(thread * 15 + i));
          }
          return null;
        });
      }
      tasks.add(() -> {
        for (int i = 0; i < 30; i++) {
          List<UserRecord> users = store.load().users();
          if (!users.isEmpty()) {
            assertEquals(withUsers(users.size() - 1).users(), users, "a load saw parts of two saves");
          }
        }
        return null;
      });
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int last = reopen().load().users().size() - 1;
    assertEquals(14, last % 15, "the last save of some caller wins");
  }

  @Test
  void damage_loadFailsTypedWithAdviceUntilSavedAgain() throws Exception {
    reopen().save(rich());
    UserException e = assertDamageReportedOnEveryReopen(UserException.class, this::damage, UserStore::load);
    assertTrue(e.getMessage().contains("Restore it from a backup"), e.getMessage());
    reopen().save(withUsers(1));
    assertEquals(withUsers(1).users(), reopen().load().users());
  }

  /**
   * Drives a user store for {@link StoreProcessContract}: write(i) loads the users, adds user ui
   * unless it is there and saves them (again if another process saved meanwhile). Subclasses open the backend; they
   * need a public no-argument constructor.
   */
  public abstract static class Driver extends StoreContract.Driver<UserStore> {
    @Override
    public final void write(int i) {
      retryOnConflict(() -> {
        UserData d = store.load();
        if (d.users().stream().anyMatch(r -> r.user().username().equals("u" + i))) {
          return; // a killed writer stored it without acknowledging it
        }
        List<UserRecord> users = new ArrayList<>(d.users());
        users.add(new UserRecord(LocalUser.of("u" + i, Role.VIDEO_OPERATOR), HASH, List.of()));
        store.save(d.withUsers(users));
      });
    }

    @Override
    public final Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (UserRecord r : store.load().users()) {
        int i = Integer.parseInt(r.user().username().substring(1));
        if (i <= upTo) {
          out.add(i);
        }
      }
      return out;
    }
  }
}
