package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.testkit.core.SimulatedClock;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression test for concurrent wrong guesses bypassing the sign-in rate limit. The directory holds
 * every bind of the attacked account until each of the 16 attempts has either reached the password
 * check or been refused, so the attempts really overlap without relying on timing.
 */
class SignInRateLimitConcurrencyTest {
  private static final String BASE = "dc=example,dc=com";
  private static final String VICTIM = "uid=mallory,ou=people," + BASE;
  private static final int ATTEMPTS = 16;

  private final Gate gate = new Gate();
  private final InMemoryDirectoryServer server = startDirectory(gate);

  @AfterEach
  void stop() {
    server.shutDown(true);
  }

  @Test
  void signIn_sixteenConcurrentWrongGuesses_onlyTheTokensAreEvaluatedAndLaterGuessesRefused() throws Exception {
    SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
    AuditTrail audit = AuditTrail.inMemory(scheduler);
    audit.addListener(e -> {
      if (e.action().equals("signin.refused")) {
        gate.arrived();
      }
    });
    UserService users = UserService.builder().scheduler(scheduler).audit(audit)
        .passwordIterations(PasswordHash.MIN_ITERATIONS).build();
    users.createInitialAdministrator("admin", "admin-Pa55word");
    Session admin = users.signIn("admin", "admin-Pa55word").session();
    users.setLdapSettings(admin, LdapSettings.builder().host("127.0.0.1").port(server.getListenPort())
        .bind("cn=svc", "svc-secret").baseDn(BASE).build());
    users.setLdapGroups(admin, List.of(LdapGroupMapping.of("cn=ops,ou=groups," + BASE, Role.VIDEO_OPERATOR)));

    ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<SignInException.Reason>> results = new ArrayList<>();
    try {
      for (int i = 0; i < ATTEMPTS; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return assertThrows(SignInException.class, () -> users.signIn("mallory", "guess")).reason();
        }));
      }
      start.countDown();
      Map<SignInException.Reason, Integer> counts = new ConcurrentHashMap<>();
      for (Future<SignInException.Reason> f : results) {
        counts.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
      }
      int tokens = SignInPolicy.DEFAULT_TOKENS;
      assertEquals(Map.of(SignInException.Reason.INVALID_CREDENTIALS, tokens,
          SignInException.Reason.RATE_LIMITED, ATTEMPTS - tokens), counts);
      assertEquals(tokens, gate.binds.get(), "password checks against the directory");
    } finally {
      pool.shutdownNow();
    }
    // The bucket is empty, not negative: the next guess, and even the right password, is refused.
    assertEquals(SignInException.Reason.RATE_LIMITED,
        assertThrows(SignInException.class, () -> users.signIn("mallory", "mallory-pw")).reason());
  }

  /** Holds the attacked account's binds until all attempts reached a bind or were refused. */
  private static final class Gate extends InMemoryOperationInterceptor {
    final AtomicInteger binds = new AtomicInteger();
    private int settled;

    synchronized void arrived() {
      settled++;
      notifyAll();
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
      if (!request.getRequest().getBindDN().equals(VICTIM)) {
        return;
      }
      binds.incrementAndGet();
      synchronized (this) {
        settled++;
        notifyAll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (settled < ATTEMPTS && System.nanoTime() < deadline) {
          try {
            wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  private static InMemoryDirectoryServer startDirectory(InMemoryOperationInterceptor interceptor) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
      config.addAdditionalBindCredentials("cn=svc", "svc-secret");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
      config.addInMemoryOperationInterceptor(interceptor);
      InMemoryDirectoryServer s = new InMemoryDirectoryServer(config);
      s.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
      s.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
      s.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
      s.add("dn: " + VICTIM, "objectClass: inetOrgPerson", "uid: mallory", "cn: mallory", "sn: mallory",
          "userPassword: mallory-pw");
      s.add("dn: cn=ops,ou=groups," + BASE, "objectClass: groupOfNames", "cn: ops", "member: " + VICTIM);
      s.startListening();
      return s;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the in-memory directory", e);
    }
  }
}
