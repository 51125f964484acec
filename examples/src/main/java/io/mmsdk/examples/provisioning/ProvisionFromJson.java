package io.mmsdk.examples.provisioning;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.provisioning.CmsClientGateway;
import io.mmsdk.provisioning.CmsGateway;
import io.mmsdk.provisioning.CommitResult;
import io.mmsdk.provisioning.DesiredState;
import io.mmsdk.provisioning.DesiredStateJson;
import io.mmsdk.provisioning.LdapProtocol;
import io.mmsdk.provisioning.LdapServer;
import io.mmsdk.provisioning.LdapSyncReport;
import io.mmsdk.provisioning.LdapSyncRunner;
import io.mmsdk.provisioning.OwnershipStore;
import io.mmsdk.provisioning.Plan;
import io.mmsdk.provisioning.Provisioner;
import io.mmsdk.provisioning.SecretResolver;
import io.mmsdk.provisioning.ValidationResult;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Provisioning from a desired-state JSON file: validate, show the plan, and with {@code --apply}
 * commit it.
 *
 * <pre>
 * ProvisionFromJson [--file desired.json] [--apply true] [--state owned.json]
 *                   [--cms-url https://cms1.example.com:8443 --cms-user api --cms-password-env CMS_PASSWORD
 *                    [--trust-pem ca.pem]]
 * </pre>
 *
 * <p>The default file is {@code provisioning-sample.json} from the examples' resources. Its LDAP
 * bind password is {@code env:LDAP_BIND_PASSWORD}. Without {@code --cms-url} it starts a simulated
 * Call Bridge and an in-memory LDAP directory with a few people, applies the plan and runs an LDAP
 * sync.
 */
public final class ProvisionFromJson {
  private ProvisionFromJson() {}

  /** Runs the example. */
  public static void main(String[] args) throws Exception {
    Map<String, String> flags = ExampleFlags.parse("ProvisionFromJson", args);
    DesiredState desired = flags.containsKey("--file")
        ? DesiredStateJson.read(Path.of(flags.get("--file")))
        : DesiredStateJson.fromJson(sample());
    ValidationResult validation = desired.validate();
    if (!validation.isValid()) {
      fail("the desired state is invalid:\n" + validation.describe());
    }
    Path state = Path.of(flags.getOrDefault("--state", "provisioning-owned.json"));
    if (flags.containsKey("--cms-url")) {
      String password = System.getenv(ExampleFlags.required("ProvisionFromJson", flags, "--cms-password-env"));
      if (password == null) {
        fail("environment variable " + flags.get("--cms-password-env") + " is not set");
      }
      CmsClient.Builder builder = CmsClient.builder().baseUrl(flags.get("--cms-url"))
          .credentials(ExampleFlags.required("ProvisionFromJson", flags, "--cms-user"), password);
      if (flags.containsKey("--trust-pem")) {
        builder.tlsTrust(TlsTrust.pemFile(Path.of(flags.get("--trust-pem"))));
      }
      try (CmsClient cms = builder.build()) {
        planAndMaybeApply(CmsClientGateway.create(cms), desired, state, SecretResolver.environment(),
            Scheduler.system(), Boolean.parseBoolean(flags.getOrDefault("--apply", "false")));
      }
      return;
    }

    // No --cms-url: a simulated Call Bridge and a loopback directory, so the whole flow runs here.
    String bindPassword = Long.toHexString(Double.doubleToLongBits(Math.random()));
    InMemoryDirectoryServer directory = directory(desired, bindPassword);
    SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    Path tempState = Files.createTempDirectory("provisioning-").resolve("owned.json");
    try (SimulatedCluster sim = SimulatedCluster.start(ClusterOptions.builder().clock(scheduler).build());
         CmsClient cms = CmsClient.builder().baseUrl(sim.callBridge(0).baseUrl())
             .credentials(sim.apiUsername(), sim.apiPassword()).build()) {
      System.out.println("No --cms-url: simulated Call Bridge at " + sim.callBridge(0).baseUrl()
          + ", LDAP directory on port " + directory.getListenPort());
      LdapServer original = desired.ldapServers().get(0);
      DesiredState local = new DesiredState(List.of(LdapServer.builder().name(original.name())
          .protocol(LdapProtocol.LDAP).address("127.0.0.1").port(directory.getListenPort())
          .bindDn(original.bindDn()).passwordRef(original.passwordRef()).build()),
          desired.userImports(), desired.autoSpaceRules(), desired.spaceCreationRules(),
          desired.spaceTemplates(), desired.syncSchedule());
      CmsGateway gateway = CmsClientGateway.create(cms);
      planAndMaybeApply(gateway, local, tempState, reference -> bindPassword, scheduler, true);

      try (LdapSyncRunner sync = LdapSyncRunner.builder().scheduler(scheduler)
          .callBridges(name -> Optional.of(gateway)).build()) {
        CompletableFuture<LdapSyncReport> running = sync.runNow(sim.callBridge(0).name());
        while (!running.isDone()) {
          scheduler.advance(Duration.ofSeconds(5));
        }
        LdapSyncReport report = running.join();
        System.out.println("LDAP sync: " + report.outcome() + ", " + report.numUsersImported() + " users imported");
      }
      gateway.users().forEach(u -> System.out.println("  " + u.userJid().orElse("") + "  " + u.name().orElse("")));
      System.out.println(cms.coSpaces().list().stream().count() + " spaces");
    } finally {
      directory.shutDown(true);
    }
  }

  private static void planAndMaybeApply(CmsGateway gateway, DesiredState desired, Path state,
      SecretResolver secrets, Scheduler scheduler, boolean apply) {
    try (Provisioner provisioner = Provisioner.builder()
        .gateway(gateway)
        .ownership(OwnershipStore.file(state))
        .secrets(secrets)
        .scheduler(scheduler)
        .build()) {
      Plan plan = provisioner.plan(desired);
      System.out.println(plan.renderText());
      if (!apply) {
        System.out.println("Not applied; run again with --apply true to commit this plan.");
        return;
      }
      CommitResult result = provisioner.commit(desired);
      System.out.println("Applied " + result.applied().size() + " steps; ownership recorded in " + state);
    }
  }

  /** An in-memory directory under the import's base DN with a few staff and a contractor. */
  private static InMemoryDirectoryServer directory(DesiredState desired, String bindPassword) throws Exception {
    String baseDn = desired.userImports().get(0).baseDn();
    String root = baseDn.substring(baseDn.indexOf(',') + 1);
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(root);
    config.addAdditionalBindCredentials(desired.ldapServers().get(0).bindDn(), bindPassword);
    config.setSchema(null);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    InMemoryDirectoryServer ds = new InMemoryDirectoryServer(config);
    ds.add("dn: " + root, "objectClass: domain", "dc: " + root.substring(3, root.indexOf(',')));
    ds.add("dn: " + baseDn, "objectClass: organizationalUnit", "ou: people");
    String[][] people = {{"swood", "Sally Wood", "staff"}, {"bjones", "Bob Jones", "staff"},
        {"mlee", "Mia Lee", "staff"}, {"ckent", "Clark Kent", "contractor"}};
    for (int i = 0; i < people.length; i++) {
      String[] p = people[i];
      ds.add("dn: uid=" + p[0] + "," + baseDn, "objectClass: person", "objectClass: inetOrgPerson",
          "uid: " + p[0], "cn: " + p[1], "sn: " + p[1].substring(p[1].indexOf(' ') + 1),
          "employeeNumber: " + (7001 + i), "employeeType: " + p[2]);
    }
    ds.startListening();
    return ds;
  }

  private static String sample() throws Exception {
    try (InputStream in = ProvisionFromJson.class.getResourceAsStream("/provisioning-sample.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void fail(String message) {
    ExampleFlags.fail("ProvisionFromJson", message);
  }
}
