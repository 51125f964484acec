package io.mmsdk.licensing.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.UsageReport;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Authorization;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Registration;
import io.mmsdk.licensing.smart.SmartRequest.Kind;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the state machine with a scripted transport: there is no real Cisco SSM here. */
class SmartLicensingTest {
  private static final Instant T0 = Instant.parse("2026-06-01T15:00:00Z");

  /** Answers from a script; an empty script answers OK; {@code null} entries never answer. */
  static final class ScriptedTransport implements SmartLicensingTransport {
    final List<SmartRequest> sent = new ArrayList<>();
    final Deque<CompletableFuture<SmartResponse>> script = new ArrayDeque<>();

    ScriptedTransport then(SmartResponse r) {
      script.add(CompletableFuture.completedFuture(r));
      return this;
    }

    CompletableFuture<SmartResponse> thenPending() {
      CompletableFuture<SmartResponse> f = new CompletableFuture<>();
      script.add(f);
      return f;
    }

    @Override
    public CompletionStage<SmartResponse> send(SmartRequest request) {
      sent.add(request);
      CompletableFuture<SmartResponse> next = script.poll();
      return next != null ? next : CompletableFuture.completedFuture(SmartResponse.ok());
    }

    List<Kind> kinds() {
      return sent.stream().map(SmartRequest::kind).toList();
    }
  }

  private SimulatedClock scheduler;
  private Notifications notifications;
  private ScriptedTransport transport;
  private SmartLicensing smart;

  @BeforeEach
  void setUp() {
    scheduler = SimulatedClock.startingAt(T0);
    notifications = Notifications.create(scheduler);
    transport = new ScriptedTransport();
    smart = SmartLicensing.create(transport, scheduler, notifications);
  }

  private static <T> T done(CompletionStage<T> s) throws Exception {
    CompletableFuture<T> f = s.toCompletableFuture();
    assertTrue(f.isDone(), "stage should be complete");
    return f.get();
  }

  @Test
  void register_accepted_registeredAndAuthorized_tokenNeverShown() throws Exception {
    SmartLicensingStatus s = done(smart.register("  tok-SECRET-123 ", true));
    assertEquals(Registration.REGISTERED, s.registration());
    assertEquals(Authorization.AUTHORIZED, s.authorization());
    assertEquals(T0, s.findRegisteredAt().orElseThrow());
    SmartRequest r = transport.sent.get(0);
    assertEquals("tok-SECRET-123", r.secret());
    assertTrue(r.force());
    assertFalse(r.toString().contains("SECRET"), r.toString());
  }

  @Test
  void register_blankToken_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> smart.register(" ", false));
  }

  @Test
  void authorization_renewsDailyAtMidnightUtc() throws Exception {
    done(smart.register("tok", false));
    scheduler.advance(Duration.ofHours(9).minusSeconds(1)); // 23:59:59
    assertEquals(List.of(Kind.REGISTER), transport.kinds());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(List.of(Kind.REGISTER, Kind.RENEW_AUTHORIZATION), transport.kinds());
    assertEquals(Instant.parse("2026-06-02T00:00:00Z"),
        smart.status().findLastAuthorizationRenewal().orElseThrow());
    scheduler.advance(Duration.ofDays(1));
    assertEquals(3, transport.kinds().size());
    assertEquals(Instant.parse("2026-06-03T00:00:00Z"),
        smart.status().findLastAuthorizationRenewal().orElseThrow());
  }

  @Test
  void registration_renewsAfterSixMonths() {
    smart.register("tok", false);
    scheduler.advance(Duration.ofDays(182));
    assertFalse(transport.kinds().contains(Kind.RENEW_REGISTRATION));
    scheduler.advance(Duration.ofDays(1)); // 2026-12-01T15:00Z is 6 months after T0
    assertTrue(transport.kinds().contains(Kind.RENEW_REGISTRATION));
    assertEquals(Instant.parse("2026-12-01T15:00:00Z"),
        smart.status().findRegisteredAt().orElseThrow());
  }

  @Test
  void send_noAnswer_retriesAfter30And60ThenFailsAfter90WithNotification() {
    transport.thenPending();
    transport.thenPending();
    transport.thenPending();
    CompletableFuture<SmartLicensingStatus> f = smart.register("tok", false).toCompletableFuture();
    scheduler.advance(Duration.ofSeconds(29));
    assertEquals(1, transport.sent.size());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, transport.sent.size());
    scheduler.advance(Duration.ofSeconds(59));
    assertEquals(2, transport.sent.size());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(3, transport.sent.size());
    scheduler.advance(Duration.ofSeconds(89));
    assertFalse(f.isDone());
    scheduler.advance(Duration.ofSeconds(1));
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    SmartLicensingException cause = assertInstanceOf(SmartLicensingException.class, e.getCause());
    assertTrue(cause.isUnreachable());
    var n = notifications.find(SmartLicensing.UNREACHABLE_KEY).orElseThrow();
    assertEquals(Severity.ERROR, n.severity());
    assertTrue(n.message().startsWith("Unable to reach Cisco Smart Software Server"));
    assertEquals(Registration.UNREGISTERED, smart.status().registration());

    // the message clears once an action succeeds
    smart.register("tok", false);
    assertTrue(notifications.find(SmartLicensing.UNREACHABLE_KEY).isEmpty());
    assertEquals(Registration.REGISTERED, smart.status().registration());
  }

  @Test
  void send_answerToSecondAttempt_succeedsAndLateFirstAnswerIsIgnored() throws Exception {
    CompletableFuture<SmartResponse> first = transport.thenPending();
    CompletableFuture<SmartResponse> second = transport.thenPending();
    CompletableFuture<SmartLicensingStatus> f = smart.register("tok", false).toCompletableFuture();
    scheduler.advance(Duration.ofSeconds(30));
    second.complete(SmartResponse.ok());
    assertEquals(Registration.REGISTERED, f.get().registration());
    first.complete(SmartResponse.refused("late"));
    scheduler.advance(Duration.ofMinutes(5));
    assertEquals(2, transport.sent.size());
    assertEquals(Registration.REGISTERED, smart.status().registration());
  }

  @Test
  void send_refused_failsAtOnceWithoutRetry() {
    transport.then(SmartResponse.refused("token expired"));
    CompletableFuture<SmartLicensingStatus> f = smart.register("tok", false).toCompletableFuture();
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    SmartLicensingException cause = assertInstanceOf(SmartLicensingException.class, e.getCause());
    assertFalse(cause.isUnreachable());
    assertTrue(cause.getMessage().contains("token expired"));
    scheduler.advance(Duration.ofMinutes(5));
    assertEquals(1, transport.sent.size());
  }

  /**
   * Seed 21.6.3.1/.2: after installing the authorization code the status is "Registered - License
   * Reservation" / "Authorized - Reserved"; the Licenses page shows "Reserved along with the number
   * of licenses for SLR"; an update "overrides the prior value" and yields a confirmation code.
   */
  @Test
  void reservation_slr_requestInstallUpdateConfirmReturn() throws Exception {
    transport.then(SmartResponse.ok("REQ-CODE"));
    assertEquals("REQ-CODE", done(smart.generateReservationRequestCode()));
    assertEquals(Registration.LICENSE_RESERVATION_PENDING, smart.status().registration());

    transport.then(SmartResponse.reserved(
        Reservation.specific(Map.of(AllocationType.SMP, 5L, AllocationType.PMP, 2L)), ""));
    assertEquals("", done(smart.installAuthorizationCode("AUTH-1")));
    assertEquals(Registration.REGISTERED_LICENSE_RESERVATION, smart.status().registration());
    assertEquals(Authorization.AUTHORIZED_RESERVED, smart.status().authorization());
    assertFalse(smart.status().confirmationCodePending());
    Reservation r = smart.status().findReservation().orElseThrow();
    assertEquals("Reserved", r.statusLabel());
    assertEquals(5, r.findReserved(AllocationType.SMP).orElseThrow());

    transport.then(SmartResponse.reserved(
        Reservation.specific(Map.of(AllocationType.SMP, 10L)), "CONFIRM-2"));
    assertEquals("CONFIRM-2", done(smart.installAuthorizationCode("AUTH-2")));
    assertTrue(smart.status().confirmationCodePending());
    assertEquals(10, smart.status().reservation().findReserved(AllocationType.SMP).orElseThrow());
    assertTrue(smart.status().reservation().findReserved(AllocationType.PMP).isEmpty());
    smart.confirmationCodeEntered();
    assertFalse(smart.status().confirmationCodePending());
    assertEquals(10, smart.status().reservation().findReserved(AllocationType.SMP).orElseThrow());

    transport.then(SmartResponse.ok("RETURN-3"));
    assertEquals("RETURN-3", done(smart.generateReturnCode()));
    assertEquals(Registration.UNREGISTERED, smart.status().registration());
    assertTrue(smart.status().findReservation().isEmpty());
    assertEquals(List.of(Kind.RESERVATION_REQUEST, Kind.INSTALL_AUTHORIZATION_CODE,
        Kind.INSTALL_AUTHORIZATION_CODE, Kind.RESERVATION_RETURN), transport.kinds());
  }

  /**
   * Seed 21.6.3.2: "Updating licenses is not applicable in case you are using PLR. However, you can
   * change your license reservation type from PLR to SLR or vice versa. To change the type of
   * license reservation, return the reserved licenses, unregister the product instance, and
   * reregister the product instance from scratch. When changing your reservation from PLR to SLR,
   * the selected licenses in SLR will override PLR licenses."
   */
  @Test
  void reservation_plr_reservationActive_notUpdatable_switchToSlrByReturning() throws Exception {
    done(smart.generateReservationRequestCode());
    transport.then(SmartResponse.reserved(Reservation.universal(), ""));
    done(smart.installAuthorizationCode("AUTH-PLR"));
    assertEquals("Reservation Active", smart.status().reservation().statusLabel());
    assertEquals(Reservation.Variant.UNIVERSAL, smart.status().reservation().variant());

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> smart.installAuthorizationCode("AUTH-UPDATE"));
    assertTrue(e.getMessage().contains("return the reserved licenses"), e.getMessage());
    assertEquals(2, transport.sent.size());

    done(smart.generateReturnCode());
    done(smart.generateReservationRequestCode());
    transport.then(SmartResponse.reserved(Reservation.specific(Map.of(AllocationType.PMP, 3L)),
        ""));
    done(smart.installAuthorizationCode("AUTH-SLR"));
    assertEquals(Reservation.Variant.SPECIFIC, smart.status().reservation().variant());
    assertEquals(3, smart.status().reservation().findReserved(AllocationType.PMP).orElseThrow());
  }

  /** An SLR update whose code would turn the reservation into PLR fails; the SLR stays. */
  @Test
  void reservation_updateChangingVariant_fails_reservationKept() throws Exception {
    done(smart.generateReservationRequestCode());
    transport.then(SmartResponse.reserved(Reservation.specific(Map.of(AllocationType.SMP, 1L)),
        ""));
    done(smart.installAuthorizationCode("AUTH-1"));
    transport.then(SmartResponse.reserved(Reservation.universal(), "C"));
    CompletableFuture<String> f = smart.installAuthorizationCode("AUTH-2").toCompletableFuture();
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertInstanceOf(SmartLicensingException.class, e.getCause());
    assertEquals(Reservation.Variant.SPECIFIC, smart.status().reservation().variant());
    // an answer naming no reservation at all is refused too
    done(smart.generateReturnCode());
    done(smart.generateReservationRequestCode());
    CompletableFuture<String> g = smart.installAuthorizationCode("AUTH-3").toCompletableFuture();
    assertInstanceOf(SmartLicensingException.class,
        assertThrows(ExecutionException.class, g::get).getCause());
    assertEquals(Registration.LICENSE_RESERVATION_PENDING, smart.status().registration());
  }

  /** Seed 2.6: "Meeting Management sends daily usage reports to Cisco SSM". */
  @Test
  void sendUsageReport_registered_sentAsUsageReportKind_unregisteredRejected() throws Exception {
    UsageReport report = new UsageReport(java.time.LocalDate.parse("2026-05-31"),
        Map.of(AllocationType.SMP, 4.0), 1);
    assertThrows(IllegalStateException.class, () -> smart.sendUsageReport(report));
    done(smart.register("tok", false));
    done(smart.sendUsageReport(report));
    SmartRequest sent = transport.sent.get(1);
    assertEquals(Kind.USAGE_REPORT, sent.kind());
    assertEquals(report, sent.findUsageReport().orElseThrow());
  }

  @Test
  void reservation_cancelPendingRequest_backToUnregistered() throws Exception {
    done(smart.generateReservationRequestCode());
    done(smart.cancelReservationRequest());
    assertEquals(Registration.UNREGISTERED, smart.status().registration());
  }

  @Test
  void wrongState_actionsAreRejected() throws Exception {
    assertThrows(IllegalStateException.class, smart::renewAuthorizationNow);
    assertThrows(IllegalStateException.class, () -> smart.installAuthorizationCode("X"));
    assertThrows(IllegalStateException.class, smart::generateReturnCode);
    assertThrows(IllegalStateException.class, smart::confirmationCodeEntered);
    done(smart.register("tok", false));
    assertThrows(IllegalStateException.class, smart::generateReservationRequestCode);
  }

  @Test
  void fileStore_restart_keepsSlrReservation(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    SmartLicensingStore firstStore = SmartLicensingStore.file(dir);
    SmartLicensing first = SmartLicensing.create(transport, scheduler, notifications, firstStore);
    done(first.generateReservationRequestCode());
    transport.then(SmartResponse.reserved(Reservation.specific(Map.of(AllocationType.SMP, 7L)),
        ""));
    done(first.installAuthorizationCode("AUTH"));
    first.close();
    firstStore.close();
    SmartLicensingStore secondStore = SmartLicensingStore.file(dir);
    SmartLicensingStatus loaded = secondStore.load();
    secondStore.close();
    assertEquals(first.status(), loaded);
    assertEquals(7, loaded.reservation().findReserved(AllocationType.SMP).orElseThrow());
  }

  @Test
  void fileStore_restart_keepsStatusAndResumesRenewals(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    SmartLicensingStore firstStore = SmartLicensingStore.file(dir);
    SmartLicensing first = SmartLicensing.create(transport, scheduler, notifications, firstStore);
    done(first.register("tok", false));
    first.close();
    firstStore.close();
    scheduler.advance(Duration.ofHours(1));
    assertEquals(List.of(Kind.REGISTER), transport.kinds());

    SmartLicensing second = SmartLicensing.create(transport, scheduler, notifications,
        SmartLicensingStore.file(dir));
    assertEquals(Registration.REGISTERED, second.status().registration());
    assertEquals(T0, second.status().findRegisteredAt().orElseThrow());
    scheduler.advance(Duration.ofHours(8)); // to 00:00 UTC
    assertEquals(List.of(Kind.REGISTER, Kind.RENEW_AUTHORIZATION), transport.kinds());
    second.close();
  }

  @Test
  void deregister_stopsRenewals() throws Exception {
    done(smart.register("tok", false));
    done(smart.deregister());
    scheduler.advance(Duration.ofDays(200));
    assertEquals(List.of(Kind.REGISTER, Kind.DEREGISTER), transport.kinds());
    assertEquals(0, scheduler.pendingTasks());
  }

  /**
   * What LicenseMonitor asks through SmartRegistration: registered in any way (leaving SMART mode
   * must deregister) and registered online (the only state that sends usage reports).
   */
  @Test
  void registrationQueries_followTheStatus() throws Exception {
    assertFalse(smart.isRegistered());
    assertFalse(smart.isRegisteredOnline());
    done(smart.register("tok", false));
    assertTrue(smart.isRegistered());
    assertTrue(smart.isRegisteredOnline());
    done(smart.deregister());
    assertFalse(smart.isRegistered());

    done(smart.generateReservationRequestCode());
    assertTrue(smart.isRegistered());
    assertFalse(smart.isRegisteredOnline());
    transport.then(SmartResponse.reserved(Reservation.universal(), ""));
    done(smart.installAuthorizationCode("AUTH-1"));
    assertTrue(smart.isRegistered());
    assertFalse(smart.isRegisteredOnline());
  }
}
