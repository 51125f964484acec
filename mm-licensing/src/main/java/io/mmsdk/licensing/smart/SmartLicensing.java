package io.mmsdk.licensing.smart;

import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.licensing.SmartRegistration;
import io.mmsdk.licensing.UsageReport;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Authorization;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Registration;
import io.mmsdk.licensing.smart.SmartRequest.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Smart Licensing workflows of section 21.6 as a state machine: registration with a token,
 * automatic authorization renewal every day at 00:00 UTC, automatic registration renewal every 6
 * months, deregistration, and license reservation (request code → authorization code → optional
 * confirmation code; return code). Thread-safe; close it to cancel the automatic renewals.
 *
 * <p>Every request waits 30 s for Cisco SSM; if no answer comes it is sent again waiting 60 s, then
 * 90 s. After the third timeout the action fails with {@link
 * SmartLicensingException#isUnreachable()}
 * and the ERROR notification {@value #UNREACHABLE_KEY} ("Unable to reach Cisco Smart Software
 * Server") is raised; it is cleared by the next request that succeeds. A refusal fails at once.
 */
public final class SmartLicensing implements SmartRegistration, AutoCloseable {
  /** The key of the notification raised when Cisco SSM cannot be reached. */
  public static final String UNREACHABLE_KEY = "licensing.smart.unreachable";
  /** How long each attempt waits for an answer: 30, 60 and 90 seconds. */
  public static final List<Duration> ATTEMPT_TIMEOUTS =
      List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(90));

  private final SmartLicensingTransport transport;
  private final Scheduler scheduler;
  private final Notifications notifications;
  private final SmartLicensingStore store;
  private SmartLicensingStatus status;
  private Scheduler.Cancellable authorizationTask;
  private Scheduler.Cancellable registrationTask;

  private SmartLicensing(SmartLicensingTransport transport, Scheduler scheduler,
      Notifications notifications, SmartLicensingStore store) {
    this.transport = transport;
    this.scheduler = scheduler;
    this.notifications = notifications;
    this.store = store;
    this.status = store.load();
  }

  /**
   * {@return an unregistered instance sending through {@code transport}, keeping state in memory}
   *
   * @param transport sends the requests to Cisco SSM; not null
   * @param scheduler runs the automatic renewals; not null
   * @param notifications where registration and authorization problems are raised; not null
   */
  public static SmartLicensing create(
      SmartLicensingTransport transport, Scheduler scheduler, Notifications notifications) {
    return create(transport, scheduler, notifications, SmartLicensingStore.inMemory());
  }

  /**
   * {@return an instance sending through {@code transport} whose status is loaded from and saved to
   * {@code store}} If the saved status is registered online, the automatic renewals resume: the
   * next authorization renewal at the coming 00:00 UTC, the registration renewal 6 months after the
   * saved registration time (at once if that is past).
   *
   * @param transport sends the requests to Cisco SSM; not null
   * @param scheduler runs the automatic renewals; not null
   * @param notifications where registration and authorization problems are raised; not null
   * @param store where the status is kept across restarts; not null
   */
  public static SmartLicensing create(SmartLicensingTransport transport, Scheduler scheduler,
      Notifications notifications, SmartLicensingStore store) {
    SmartLicensing s = new SmartLicensing(
        Objects.requireNonNull(transport, "transport == null"),
        Objects.requireNonNull(scheduler, "scheduler == null"),
        Objects.requireNonNull(notifications, "notifications == null"),
        Objects.requireNonNull(store, "store == null"));
    synchronized (s) {
      if (s.status.registration() == Registration.REGISTERED) {
        s.scheduleRenewals();
      }
    }
    return s;
  }

  /** {@return the current status} */
  public synchronized SmartLicensingStatus status() {
    return status;
  }

  /** {@return whether the status is anything but {@link Registration#UNREGISTERED}} */
  @Override
  public synchronized boolean isRegistered() {
    return status.registration() != Registration.UNREGISTERED;
  }

  /** {@return whether the status is {@link Registration#REGISTERED} (online, with a token)} */
  @Override
  public synchronized boolean isRegisteredOnline() {
    return status.registration() == Registration.REGISTERED;
  }

  /**
   * Registers with {@code token}; {@code reregister} lets Cisco SSM accept an instance it already
   * knows. On success the instance is registered and authorized, and the renewals are scheduled.
   *
   * @param token the registration token from Cisco SSM; it never appears in logs or messages
   * @param reregister true to register even if SSM already knows this instance
   * @return a stage completed with the new status, or failed with SSM's reason
   */
  public CompletionStage<SmartLicensingStatus> register(String token, boolean reregister) {
    Objects.requireNonNull(token, "token == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException(
          "token is blank; paste the registration token generated in Cisco SSM");
    }
    return send(new SmartRequest(Kind.REGISTER, token.strip(), reregister)).thenApply(r -> {
      synchronized (this) {
        Instant now = scheduler.now();
        setStatus(new SmartLicensingStatus(Registration.REGISTERED, Authorization.AUTHORIZED, now,
            now, false));
        scheduleRenewals();
        return status;
      }
    });
  }

  /**
   * Renews the authorization now ("Renew Authorization Now").
   *
   * @return a stage completed with the new status, or failed with SSM's reason
   */
  public CompletionStage<SmartLicensingStatus> renewAuthorizationNow() {
    requireRegistered("renew the authorization");
    return send(new SmartRequest(Kind.RENEW_AUTHORIZATION, "", false)).thenApply(r -> {
      synchronized (this) {
        setStatus(new SmartLicensingStatus(status.registration(), status.authorization(),
            scheduler.now(), status.registeredAt(), status.confirmationCodePending()));
        return status;
      }
    });
  }

  /**
   * Renews the registration now ("Renew Registration Now"); the 6-month clock restarts.
   *
   * @return a stage completed with the new status, or failed with SSM's reason
   */
  public CompletionStage<SmartLicensingStatus> renewRegistrationNow() {
    requireRegistered("renew the registration");
    return send(new SmartRequest(Kind.RENEW_REGISTRATION, "", false)).thenApply(r -> {
      synchronized (this) {
        setStatus(new SmartLicensingStatus(status.registration(), status.authorization(),
            status.lastAuthorizationRenewal(), scheduler.now(), status.confirmationCodePending()));
        scheduleRegistrationRenewal();
        return status;
      }
    });
  }

  /**
   * Deregisters; the renewals stop.
   *
   * @return a stage completed with the unregistered status
   */
  @Override
  public CompletionStage<SmartLicensingStatus> deregister() {
    return send(new SmartRequest(Kind.DEREGISTER, "", false)).thenApply(r -> {
      synchronized (this) {
        cancelRenewals();
        setStatus(new SmartLicensingStatus(Registration.UNREGISTERED,
            Authorization.NOT_AUTHORIZED, null, null, false));
        return status;
      }
    });
  }

  /**
   * Generates a Reservation Request Code (step 1 of reservation); the status becomes "License
   * Reservation Pending". The stage yields the code to enter in Cisco SSM.
   *
   * @return a stage completed with the code, or failed with SSM's reason
   */
  public CompletionStage<String> generateReservationRequestCode() {
    synchronized (this) {
      if (status.registration() != Registration.UNREGISTERED) {
        throw new IllegalStateException("A reservation request needs an unregistered instance;"
            + " it is " + status.registration() + ". Deregister or return the reservation first.");
      }
    }
    return send(new SmartRequest(Kind.RESERVATION_REQUEST, "", false)).thenApply(r -> {
      synchronized (this) {
        setStatus(new SmartLicensingStatus(Registration.LICENSE_RESERVATION_PENDING,
            Authorization.NOT_AUTHORIZED, null, null, false));
        return r.code();
      }
    });
  }

  /**
   * Cancels a pending reservation request.
   *
   * @return a stage completed with the unregistered status
   */
  public CompletionStage<SmartLicensingStatus> cancelReservationRequest() {
    requireState(Registration.LICENSE_RESERVATION_PENDING, "cancel a reservation request");
    return send(new SmartRequest(Kind.CANCEL_RESERVATION_REQUEST, "", false)).thenApply(r -> {
      synchronized (this) {
        setStatus(new SmartLicensingStatus(Registration.UNREGISTERED,
            Authorization.NOT_AUTHORIZED, null, null, false));
        return status;
      }
    });
  }

  /**
   * Installs a Reservation Authorization Code. After a pending request the instance becomes
   * "Registered - License Reservation" / "Authorized - Reserved" with the reservation the answer
   * names (PLR, or SLR with its quantities), and the stage yields an empty string. On an SLR
   * instance this is an update: the new quantities override the old ones ("the new value overrides
   * the prior value"), and the stage yields the Reservation Confirmation Code to enter in Cisco
   * SSM, pending until {@link #confirmationCodeEntered()}.
   *
   * <p>Seed 21.6.3.2: "Updating licenses is not applicable in case you are using PLR", and the
   * variant changes only by returning the reservation and reserving again; so an update of a PLR
   * instance is refused at once, and an answer that would change the variant fails the stage.
   *
   * @param authorizationCode the Reservation Authorization Code from Cisco SSM; not null
   * @return a stage completed with the confirmation code of an SLR update, else an empty string
   * @throws IllegalStateException if no request is pending and nothing is reserved, or the
   *     instance holds a PLR reservation
   */
  public CompletionStage<String> installAuthorizationCode(String authorizationCode) {
    Objects.requireNonNull(authorizationCode, "authorizationCode == null");
    if (authorizationCode.isBlank()) {
      throw new IllegalArgumentException(
          "authorizationCode is blank; paste the Reservation Authorization Code from Cisco SSM");
    }
    Reservation current;
    synchronized (this) {
      if (status.registration() != Registration.LICENSE_RESERVATION_PENDING
          && status.registration() != Registration.REGISTERED_LICENSE_RESERVATION) {
        throw new IllegalStateException("Install an authorization code only after generating a"
            + " reservation request code or on a reserved instance; it is "
            + status.registration() + ".");
      }
      current = status.reservation();
      if (current != null && current.variant() == Reservation.Variant.UNIVERSAL) {
        throw new IllegalStateException("Updating licenses is not applicable to a Universal"
            + " reservation (PLR). To change to SLR, return the reserved licenses"
            + " (generateReturnCode), then generate a new reservation request code.");
      }
    }
    boolean update = current != null;
    return send(new SmartRequest(Kind.INSTALL_AUTHORIZATION_CODE, authorizationCode.strip(), false))
        .thenApply(r -> {
          Reservation reserved = r.findReservation().orElseThrow(() -> new SmartLicensingException(
              "The answer to the authorization code names no reservation (PLR or SLR); the"
                  + " transport must decode it into SmartResponse.reserved(...).", false, null));
          if (update && reserved.variant() != current.variant()) {
            throw new SmartLicensingException("The authorization code would change the"
                + " reservation from " + current.variant() + " to " + reserved.variant()
                + "; return the reserved licenses and reserve again to change the variant.",
                false, null);
          }
          synchronized (this) {
            Instant now = scheduler.now();
            setStatus(new SmartLicensingStatus(Registration.REGISTERED_LICENSE_RESERVATION,
                Authorization.AUTHORIZED_RESERVED, now, now, update, reserved));
            return update ? r.code() : "";
          }
        });
  }

  /** Records that the confirmation code was entered in Cisco SSM ("Code Has Been Entered"). */
  public synchronized void confirmationCodeEntered() {
    if (!status.confirmationCodePending()) {
      throw new IllegalStateException("No confirmation code is pending.");
    }
    setStatus(new SmartLicensingStatus(status.registration(), status.authorization(),
        status.lastAuthorizationRenewal(), status.registeredAt(), false, status.reservation()));
  }

  /**
   * Sends the daily usage report (seed 2.6: "Meeting Management sends daily usage reports to Cisco
   * SSM"). Only an instance registered online reports; a reserved one has no connection to SSM.
   *
   * @param report the day's report; not null
   * @return a stage completed with the status after sending, or failed with SSM's reason
   * @throws IllegalStateException if the instance is not registered online
   */
  @Override
  public CompletionStage<SmartLicensingStatus> sendUsageReport(UsageReport report) {
    Objects.requireNonNull(report, "report == null");
    requireRegistered("send a usage report");
    return send(SmartRequest.usageReport(report)).thenApply(r -> status());
  }

  /**
   * Generates a Reservation Return Code, returning the reserved licenses; the instance becomes
   * unregistered. The stage yields the code to enter in Cisco SSM.
   *
   * @return a stage completed with the return code, or failed with SSM's reason
   */
  public CompletionStage<String> generateReturnCode() {
    requireState(Registration.REGISTERED_LICENSE_RESERVATION, "return reserved licenses");
    return send(new SmartRequest(Kind.RESERVATION_RETURN, "", false)).thenApply(r -> {
      synchronized (this) {
        setStatus(new SmartLicensingStatus(Registration.UNREGISTERED,
            Authorization.NOT_AUTHORIZED, null, null, false));
        return r.code();
      }
    });
  }

  /** Cancels the automatic renewals. Idempotent. */
  @Override
  public synchronized void close() {
    cancelRenewals();
  }

  private synchronized void setStatus(SmartLicensingStatus next) {
    store.save(next);
    status = next;
  }

  private synchronized void requireRegistered(String action) {
    if (status.registration() != Registration.REGISTERED) {
      throw new IllegalStateException(
          "Cannot " + action + ": the instance is " + status.registration()
              + "; register with a token first.");
    }
  }

  private synchronized void requireState(Registration want, String action) {
    if (status.registration() != want) {
      throw new IllegalStateException(
          "Cannot " + action + ": the instance is " + status.registration() + ", not " + want);
    }
  }

  private void scheduleRenewals() {
    scheduleAuthorizationRenewal();
    scheduleRegistrationRenewal();
  }

  private synchronized void scheduleAuthorizationRenewal() {
    if (authorizationTask != null) {
      authorizationTask.cancel();
    }
    Instant now = scheduler.now();
    Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant();
    authorizationTask = scheduler.schedule(Duration.between(now, midnight), () -> {
      synchronized (this) {
        if (status.registration() != Registration.REGISTERED) {
          return;
        }
      }
      renewAuthorizationNow().whenComplete((s, e) -> scheduleAuthorizationRenewal());
    });
  }

  private synchronized void scheduleRegistrationRenewal() {
    if (registrationTask != null) {
      registrationTask.cancel();
    }
    Instant now = scheduler.now();
    Instant base = status.findRegisteredAt().orElse(now);
    Instant due = base.atZone(ZoneOffset.UTC).plusMonths(6).toInstant();
    registrationTask = scheduler.schedule(Duration.between(now, due), () -> {
      synchronized (this) {
        if (status.registration() != Registration.REGISTERED) {
          return;
        }
      }
      renewRegistrationNow();
    });
  }

  private synchronized void cancelRenewals() {
    if (authorizationTask != null) {
      authorizationTask.cancel();
      authorizationTask = null;
    }
    if (registrationTask != null) {
      registrationTask.cancel();
      registrationTask = null;
    }
  }

  private CompletableFuture<SmartResponse> send(SmartRequest request) {
    CompletableFuture<SmartResponse> result = new CompletableFuture<>();
    attempt(request, 0, result);
    return result;
  }

  private void attempt(SmartRequest request, int n, CompletableFuture<SmartResponse> result) {
    AtomicBoolean settled = new AtomicBoolean();
    Duration timeout = ATTEMPT_TIMEOUTS.get(n);
    Scheduler.Cancellable timer = scheduler.schedule(timeout, () -> {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      if (n + 1 < ATTEMPT_TIMEOUTS.size()) {
        attempt(request, n + 1, result);
      } else {
        notifications.raise(Severity.ERROR, "licensing", UNREACHABLE_KEY,
            "Unable to reach Cisco Smart Software Server: " + request.kind() + " got no answer"
                + " after waiting 30, 60 and 90 seconds. Check the connection to Cisco SSM and"
                + " start the action again.");
        result.completeExceptionally(new SmartLicensingException(
            "Unable to reach Cisco Smart Software Server: no answer to " + request.kind()
                + " after 3 attempts (30 s, 60 s, 90 s). Check connectivity and retry.",
            true, null));
      }
    });
    CompletionStage<SmartResponse> stage;
    try {
      stage = transport.send(request);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((response, error) -> {
      if (error != null) {
        // A send failure is treated like a missing answer: the timer drives the retry.
        return;
      }
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      timer.cancel();
      notifications.clear(UNREACHABLE_KEY);
      if (response.accepted()) {
        result.complete(response);
      } else {
        result.completeExceptionally(new SmartLicensingException(
            "Cisco SSM refused " + request.kind() + ": " + response.failureReason()
                + ". Check the token or code and the Smart Account, then try again.",
            false, null));
      }
    });
  }
}
