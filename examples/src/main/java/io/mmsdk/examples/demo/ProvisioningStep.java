package io.mmsdk.examples.demo;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.jdbc.JdbcDatabase;
import io.mmsdk.jdbc.JdbcStores;
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
import io.mmsdk.provisioning.PlanAction;
import io.mmsdk.provisioning.Provisioner;
import io.mmsdk.provisioning.ProvisioningException;
import io.mmsdk.provisioning.SecretResolver;
import io.mmsdk.provisioning.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Steps: show the provisioning plan and commit it; run an LDAP sync and show users and spaces. */
final class ProvisioningStep {
  /** The sample desired state shipped with the examples. */
  static final String SAMPLE = "/provisioning-sample.json";

  private ProvisioningStep() {}

  /** What the sync produced. */
  record Outcome(int usersImported, List<User> users, long spaces, List<CmsObject> someSpaces) {}

  static Outcome run(Progress progress, SimulatedWorld world, CmsClient client, String bridgeName,
      Path stateDirectory) {
    progress.step("Plan and commit provisioning (mm-provisioning, " + SAMPLE.substring(1) + ")");
    DesiredState desired = pointAtDirectory(readSample(), world.directory.port());
    ValidationResult validation = desired.validate();
    if (!validation.isValid()) {
      throw new IllegalStateException("The sample desired state is invalid:\n" + validation.describe());
    }
    CmsGateway gateway = CmsClientGateway.create(client);
    SecretResolver secrets = reference -> {
      if (!reference.equals("env:LDAP_BIND_PASSWORD")) {
        throw new ProvisioningException("Unknown secret reference '" + reference + "'");
      }
      return world.directory.bindPassword();
    };
    int imported;
    // Ownership goes into the demo's embedded database (the CDR step's mm-sdk.db), one scope per bridge.
    try (JdbcDatabase database = JdbcDatabase.sqlite(stateDirectory.resolve("mm-sdk.db"));
        OwnershipStore ownership = JdbcStores.ownership(database, bridgeName);
        Provisioner provisioner = Provisioner.builder()
        .gateway(gateway)
        .ownership(ownership)
        .secrets(secrets)
        .scheduler(world.scheduler)
        .build()) {
      Plan plan = provisioner.plan(desired);
      progress.line("plan: %d to create, %d to update, %d to delete", plan.count(PlanAction.CREATE),
          plan.count(PlanAction.UPDATE), plan.count(PlanAction.DELETE));
      plan.renderText().lines().filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("Plan:"))
          .limit(6).forEach(l -> progress.line("  %s", l));
      if (plan.steps().size() > 6) {
        progress.line("  ... and %d more steps (Plan.renderText() shows fields)", plan.steps().size() - 6);
      }
      CommitResult result = provisioner.commit(desired);
      progress.line("committed: %d steps applied; plan again is empty: %s", result.applied().size(),
          provisioner.plan(desired).isEmpty());
    }

    progress.step("LDAP sync (" + world.staff + " staff + " + world.contractors + " contractors in the directory)");
    try (LdapSyncRunner sync = LdapSyncRunner.builder()
        .scheduler(world.scheduler)
        .callBridges(name -> name.equals(bridgeName) ? Optional.of(gateway) : Optional.empty())
        .build()) {
      CompletableFuture<LdapSyncReport> running = sync.runNow(bridgeName);
      while (!running.isDone()) {
        world.advance(Duration.ofSeconds(5));
      }
      LdapSyncReport report = running.join();
      if (report.outcome() != LdapSyncReport.Outcome.COMPLETE) {
        throw new IllegalStateException("LDAP sync did not complete: " + report.message());
      }
      imported = report.numUsersImported();
      progress.line("sync on %s: %s, %d users imported, %d LDAP sources complete", bridgeName,
          report.outcome(), imported, report.numLdapSourcesComplete());
    }
    List<User> users = gateway.users();
    users.stream().limit(3).forEach(u -> progress.line("  user  %-28s %s", u.userJid().orElse(""), u.name().orElse("")));
    long spaces = client.coSpaces().count(ListOptions.builder().build());
    List<CmsObject> firstPage = client.coSpaces().page(0, 5, ListOptions.builder().build()).items();
    firstPage.stream().limit(3).forEach(s -> progress.line("  space %-28s %s",
        s.findText("uri").orElse("?"), s.findText("name").orElse("?")));
    progress.line("%d users and %d spaces on the cluster", users.size(), spaces);
    return new Outcome(imported, users, spaces, firstPage);
  }

  /** Reads the sample desired state from the classpath. */
  static DesiredState readSample() {
    try (InputStream in = ProvisioningStep.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(SAMPLE + " is missing from the classpath");
      }
      return DesiredStateJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same state with its LDAP server pointed at the in-memory directory on loopback. */
  static DesiredState pointAtDirectory(DesiredState s, int port) {
    LdapServer original = s.ldapServers().get(0);
    LdapServer local = LdapServer.builder().name(original.name()).protocol(LdapProtocol.LDAP)
        .address("127.0.0.1").port(port).bindDn(original.bindDn()).passwordRef(original.passwordRef())
        .build();
    return new DesiredState(List.of(local), s.userImports(), s.autoSpaceRules(), s.spaceCreationRules(),
        s.spaceTemplates(), s.syncSchedule());
  }
}
