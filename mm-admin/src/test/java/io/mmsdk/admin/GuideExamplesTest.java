package io.mmsdk.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.AccessControl;
import io.mmsdk.admin.access.Action;
import io.mmsdk.admin.access.ConferenceOwnership;
import io.mmsdk.admin.access.Decision;
import io.mmsdk.admin.access.MeetingPermissions;
import io.mmsdk.admin.access.MeetingRole;
import io.mmsdk.admin.access.Organization;
import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.PrivilegeLevel;
import io.mmsdk.admin.access.Resource;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditQuery;
import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.admin.backup.BackupManager;
import io.mmsdk.admin.syslog.SyslogConfig;
import io.mmsdk.admin.syslog.SyslogForwarder;
import io.mmsdk.admin.syslog.SyslogServer;
import io.mmsdk.admin.syslog.SyslogSeverity;
import io.mmsdk.admin.syslog.SyslogTransport;
import io.mmsdk.admin.user.LocalUser;
import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.admin.user.PasswordPolicy;
import io.mmsdk.admin.user.Session;
import io.mmsdk.admin.user.SignInPolicy;
import io.mmsdk.admin.user.UserService;
import io.mmsdk.admin.user.UserStore;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.backup.BackupPart;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.cluster.ClusterStore;
import io.mmsdk.core.notify.NotificationCounts;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.testkit.core.SimulatedClock;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/mm-admin.md, wired together end to end against real files and sockets. */
class GuideExamplesTest {
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-05-01T08:00:00Z"));

  @Test
  void guide_endToEnd(@TempDir Path dir) throws Exception {
    AuditTrail audit = AuditTrail.create(scheduler, AuditStore.file(dir.resolve("audit.log")));
    ClusterRegistry registry = ClusterRegistry.create(ClusterStore.file(dir.resolve("clusters.properties")), audit);
    CallBridge cb1 = CallBridge.builder().name("London CB1").address("[2001:db8::10]:8443")
        .credentials("mm-api", "api-password").trust(TlsTrust.insecureTrustAllForLabUseOnly()).build();
    Cluster europe = registry.add("admin", Cluster.builder().name("Europe").manageMeetings(true).addCallBridge(cb1).build());

    Notifications notifications = Notifications.create(scheduler);
    notifications.raise(Severity.ERROR, "licensing", "licensing.unreachable." + cb1.id(),
        "Call Bridge London CB1 is unreachable for license collection; check the network.");
    assertEquals(new NotificationCounts(1, 0, 0), notifications.counts());
    notifications.clear("licensing.unreachable." + cb1.id());

    UserService users = UserService.builder().scheduler(scheduler).store(UserStore.file(dir.resolve("users.properties")))
        .audit(audit).passwordIterations(PasswordHash.MIN_ITERATIONS).build();
    users.createInitialAdministrator("admin", "initial-password");
    Session admin = users.signIn("admin", "initial-password").session();
    users.addLocalUser(admin, LocalUser.of("op1", Role.VIDEO_OPERATOR).withTags(Set.of("emea")), "first-password");
    users.setPasswordPolicy(admin, PasswordPolicy.builder().enforceMinimumLength(8).restrictReuse(5).build());
    users.setSignInPolicy(admin, SignInPolicy.builder().rateLimit(3, Duration.ofSeconds(300))
        .idleTimeout(Duration.ofSeconds(3600)).preSignInMessage("Authorized use only").showAccountActivity(true).build());

    Session op = users.signIn("op1", "first-password").session();
    Decision space = AccessControl.decide(op.principal(), Action.MANAGE_MEETINGS, new Resource.Space("s1", Set.of("emea")));
    assertTrue(space.allowed(), space.toString());

    ConferenceOwnership owners = ConferenceOwnership.create();
    users.onUserDeleted(owners::userDeleted);
    Principal mcuUser = Principal.builder("bob", Role.VIDEO_OPERATOR)
        .privilege(PrivilegeLevel.CONFERENCE_CREATION_AND_LIMITED_CONTROL).build();
    assertTrue(AccessControl.decide(mcuUser, Action.MUTE_PARTICIPANT, Resource.Conference.ownedBy("conf-7", "carol")).allowed());

    Organization org = new Organization(Set.of("cfo", "ann"), Map.of("board", Set.of("cfo", "ann")));
    MeetingPermissions perms = MeetingPermissions.create("board-2026-05")
        .grantGroup(org, "board", MeetingRole.READER)
        .grantSectionUser(org, "Finance", "cfo", MeetingRole.ADMIN);
    Principal cfo = Principal.builder("cfo", Role.VIDEO_OPERATOR).build();
    assertTrue(AccessControl.decide(cfo, Action.MANAGE_PERMISSIONS, new Resource.AgendaSection(perms, org, "Finance/Q1")).allowed());

    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5_000);
      SyslogConfig config = SyslogConfig.builder().hostname("mm1.example.com")
          .addServer(new SyslogServer("127.0.0.1", server.getLocalPort(), SyslogTransport.UDP)).build();
      try (SyslogForwarder syslog = SyslogForwarder.start(config, scheduler)) {
        syslog.attach(audit);
        syslog.log(SyslogSeverity.WARNING, "CDR", "gap in CDR sequence on London CB1");
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        server.receive(p);
        assertTrue(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8).endsWith("gap in CDR sequence on London CB1"));
      }
    }

    BackupManager backups = BackupManager.create(registry, users, scheduler, PasswordHash.MIN_ITERATIONS);
    Path file = dir.resolve("mm-2026-05-01.backup");
    backups.write(admin, "backup-password", file);
    registry.remove("admin", europe.id());
    backups.restore(admin, file, "backup-password", EnumSet.of(BackupPart.DATABASE));
    assertEquals(europe, registry.cluster(europe.id()));
    assertTrue(audit.query(AuditQuery.builder().actionPrefix("backup.").build()).size() >= 2);
  }
}
