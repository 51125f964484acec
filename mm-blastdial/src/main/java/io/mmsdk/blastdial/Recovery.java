package io.mmsdk.blastdial;

import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.common.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks of a blast dial against its Call Bridge: the Secondary's look after its wait, and, when
 * an instance is built on a store holding blast dials in progress, their resumption — legs that
 * ended or connected while nobody watched, dial-outs whose answer was lost (adopted if the bridge
 * has the leg, dialed again if not), retries re-timed, runs of meetings that ended forgotten.
 *
 * <p>Bridge reads run on the dispatcher's executor without the facade's lock; what they found is
 * applied with it held. Methods without their own {@code synchronized (lock)} block must be called
 * with it held.
 */
final class Recovery {
  // Logs under the facade's name, the category hosts configure for blast dial.
  private static final Logger log = LoggerFactory.getLogger(BlastDial.class);
  private static final Duration CHECK_RETRY_DELAY = Duration.ofSeconds(10);

  private final Object lock;
  private final Scheduler scheduler;
  private final BlastDialStore store;
  private final SpaceConfigs configs;
  private final DialDispatcher dispatcher;

  Recovery(Object lock, Scheduler scheduler, BlastDialStore store, SpaceConfigs configs,
      DialDispatcher dispatcher) {
    this.lock = lock;
    this.scheduler = scheduler;
    this.store = store;
    this.configs = configs;
    this.dispatcher = dispatcher;
  }

  private interface Check {
    void run(Run run, boolean callActive, List<CallLeg> legs);
  }

  /** Has a Secondary's run look at its meeting after {@code delay}, then dial or stand down. */
  void awaitSecondary(Run run, Duration delay) {
    scheduleCheck(run, delay, this::secondaryCheck);
  }

  /** Resumes the blast dials found in the store; called once, while building the facade. */
  void resume() {
    MonitoringSettings monitoring = configs.monitoring();
    for (BlastStatus stored : store.runs()) {
      Run run = Run.from(stored);
      dispatcher.rememberMeeting(run);
      if (!dispatcher.hasGateway(run.space.clusterId())) {
        log.warn("Blast dial for call {} belongs to cluster {} which has no gateway; left as is",
            run.callId, run.space.clusterId());
        continue;
      }
      dispatcher.adopt(run, stored);
      if (run.phase.isFinal()) {
        scheduleCheck(run, Duration.ZERO, this::forgetIfEnded);
        continue;
      }
      Duration secondaryWait =
          Duration.between(scheduler.now(), run.startedAt.plus(monitoring.secondaryDelay()));
      scheduleCheck(run, Duration.ZERO, (r, callActive, callLegs) ->
          resumeCheck(r, callActive, callLegs, secondaryWait));
    }
  }

  private void scheduleCheck(Run run, Duration delay, Check check) {
    run.pendingCheck =
        scheduler.schedule(delay, () -> dispatcher.execute(() -> runCheck(run, check)));
  }

  private void runCheck(Run run, Check check) {
    CallBridgeGateway gateway;
    synchronized (lock) {
      if (dispatcher.isClosed()) {
        return;
      }
      gateway = dispatcher.gateway(run.space.clusterId());
    }
    boolean callActive;
    List<CallLeg> callLegs;
    try {
      callActive = gateway.isCallActive(run.callId);
      callLegs = callActive ? gateway.callLegs(run.callId) : List.of();
    } catch (RuntimeException e) {
      log.warn("Cannot read call {} from its bridge; checking again in {}", run.callId,
          CHECK_RETRY_DELAY, e);
      synchronized (lock) {
        if (!dispatcher.isClosed()) {
          scheduleCheck(run, CHECK_RETRY_DELAY, check);
        }
      }
      return;
    }
    synchronized (lock) {
      if (dispatcher.isClosed()) {
        return;
      }
      run.pendingCheck = null;
      check.run(run, callActive, callLegs);
    }
    dispatcher.drain();
  }

  private void secondaryCheck(Run run, boolean callActive, List<CallLeg> callLegs) {
    if (!dispatcher.isActive(run) || run.phase != BlastStatus.Phase.WAITING_AS_SECONDARY) {
      return;
    }
    switch (RunStateMachine.secondary(run, callActive, callLegs)) {
      case MEETING_ENDED -> dispatcher.finish(run, BlastStatus.Phase.MEETING_ENDED);
      case DIALED_BY_OTHER_INSTANCE ->
          dispatcher.finish(run, BlastStatus.Phase.DIALED_BY_OTHER_INSTANCE);
      case DIAL -> {
        run.phase = BlastStatus.Phase.DIALING;
        dispatcher.dialPending(run);
        dispatcher.persist(run);
      }
    }
  }

  private void forgetIfEnded(Run run, boolean callActive, List<CallLeg> callLegs) {
    if (!callActive) {
      dispatcher.forgetMeeting(run.space.clusterId(), run.callId);
    }
  }

  private void resumeCheck(
      Run run, boolean callActive, List<CallLeg> callLegs, Duration secondaryWait) {
    if (!dispatcher.isActive(run)) {
      return;
    }
    if (!callActive) {
      dispatcher.finish(run, BlastStatus.Phase.MEETING_ENDED);
      return;
    }
    if (run.phase == BlastStatus.Phase.WAITING_AS_SECONDARY) {
      awaitSecondary(run, secondaryWait.isNegative() ? Duration.ZERO : secondaryWait);
      return;
    }
    Map<String, CallLeg> byId = new HashMap<>();
    Set<String> owned = new HashSet<>();
    for (CallLeg l : callLegs) {
      byId.put(l.id(), l);
    }
    for (Run.Slot slot : run.slots) {
      if (slot.callLegId != null) {
        owned.add(slot.callLegId);
      }
    }
    for (Run.Slot slot : run.slots) {
      switch (slot.state) {
        case DIALING:
          if (slot.callLegId != null) {
            reconcileKnownLeg(run, slot, byId.get(slot.callLegId));
          } else {
            reconcileLostAnswer(run, slot, callLegs, owned);
          }
          break;
        case WAITING_RETRY:
          dispatcher.scheduleRetry(run, slot, slot.nextRetryAt);
          break;
        case PENDING:
          dispatcher.enqueueDial(run, slot);
          break;
        default:
          break;
      }
    }
    dispatcher.checkComplete(run);
    dispatcher.persist(run);
  }

  /** A dialing contact whose leg id is known: it ended or connected while nobody watched. */
  private void reconcileKnownLeg(Run run, Run.Slot slot, CallLeg leg) {
    if (leg == null) {
      dispatcher.unwatchLeg(slot.callLegId);
      dispatcher.attemptFailed(run, slot, "endedWhileNotMonitoring");
    } else if (RunStateMachine.isConnected(leg)) {
      dispatcher.unwatchLeg(slot.callLegId);
      RunStateMachine.joined(slot);
    }
  }

  /**
   * A dialing contact whose dial-out answer was lost: an outgoing leg to its address not owned by
   * another contact is adopted; without one, the attempt is made again (and not counted twice).
   */
  private void reconcileLostAnswer(Run run, Run.Slot slot, List<CallLeg> callLegs,
      Set<String> owned) {
    String address = ContactRules.normalizeAddress(slot.contact.address());
    Optional<CallLeg> adopted =
        callLegs.stream()
            .filter(l -> RunStateMachine.isOutgoing(l) && !owned.contains(l.id())
                && ContactRules.normalizeAddress(l.remoteParty().orElse("")).equals(address))
            .findFirst();
    if (adopted.isPresent()) {
      slot.callLegId = adopted.get().id();
      owned.add(slot.callLegId);
      if (RunStateMachine.isConnected(adopted.get())) {
        RunStateMachine.joined(slot);
      } else {
        dispatcher.watchLeg(run, slot);
      }
    } else {
      slot.attempts--;
      dispatcher.enqueueDial(run, slot);
    }
  }
}
