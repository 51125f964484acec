package io.mmsdk.blastdial;

import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.Direction;
import io.mmsdk.cms.api.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions of one blast dial's {@link Run} and its contacts' {@link Run.Slot}s: which
 * contacts to call, what a call leg's connect or end means, when a failed attempt is retried, when
 * the run is complete and what a Secondary decides. Pure: no I/O, no timers, no locks; the
 * {@link DialDispatcher} and {@link Recovery} apply its decisions (dial, schedule, store) while
 * holding the {@link BlastDial}'s lock.
 */
final class RunStateMachine {
  private static final Set<String> JOINED_CONFIRMATION =
      Set.of("", "notrequired", "confirmed", "accepted");
  private static final Set<String> REJECTED_REASONS =
      Set.of("remoterejected", "rejected", "declined");

  /** What a call leg's end meant for its contact. */
  enum LegEnd {
    /** The end does not concern the contact's current attempt; nothing changed. */
    IGNORED,
    /** The contact declined ({@code *}, Decline or Reject); not called again. */
    DECLINED,
    /** The attempt failed; {@link #attemptFailed} decides whether to retry. */
    FAILED
  }

  /** What a Secondary decides once its wait is over. */
  enum SecondaryDecision {
    /** The meeting is no longer running. */
    MEETING_ENDED,
    /** Another instance (the Primary) is already dialing the contacts. */
    DIALED_BY_OTHER_INSTANCE,
    /** Nobody dialed: this instance dials. */
    DIAL
  }

  private RunStateMachine() {}

  /**
   * {@return one pending slot per contact, in list order; the contact whose address is the
   * joining participant's is skipped as {@code dialed in}}
   *
   * @param contacts the space's contacts
   * @param participantAddress the joining participant's address, or an empty string if unknown
   */
  static List<Run.Slot> slotsFor(List<Contact> contacts, String participantAddress) {
    String joiner = ContactRules.normalizeAddress(participantAddress);
    List<Run.Slot> slots = new ArrayList<>();
    for (Contact c : contacts) {
      Run.Slot slot = new Run.Slot(c);
      if (!joiner.isEmpty() && ContactRules.normalizeAddress(c.address()).equals(joiner)) {
        slot.state = ContactState.SKIPPED;
        slot.lastResult = "dialed in";
      }
      slots.add(slot);
    }
    return slots;
  }

  /** Starts a new attempt on {@code slot}: it is dialing, one more attempt, one more in flight. */
  static void startAttempt(Run run, Run.Slot slot) {
    slot.state = ContactState.DIALING;
    slot.attempts++;
    slot.nextRetryAt = null;
    slot.callLegId = null;
    run.inFlight++;
  }

  /** {@return whether the dial-out queued for {@code slot} is still wanted} */
  static boolean stillDialing(Run run, Run.Slot slot) {
    return run.phase == BlastStatus.Phase.DIALING && slot.state == ContactState.DIALING;
  }

  /**
   * A bridge answered busy (503) to {@code slot}'s dial-out: the attempt does not count and the
   * contact is pending again, to be dialed after the dispatcher's back-off.
   */
  static void bridgeBusy(Run.Slot slot) {
    slot.attempts--;
    slot.state = ContactState.PENDING;
    slot.lastResult = "bridgeBusy";
  }

  /**
   * Records a failed attempt of {@code slot} with {@code result}: it waits for a retry if it has
   * attempts left under {@code config}, otherwise its retries are exhausted.
   *
   * @return the delay until the retry, or empty if the retries are exhausted
   */
  static Optional<Duration> attemptFailed(
      Run.Slot slot, String result, BlastDialConfig config, Instant now) {
    slot.lastResult = result;
    slot.callLegId = null;
    if (slot.attempts <= config.retries()) {
      slot.state = ContactState.WAITING_RETRY;
      slot.nextRetryAt = now.plus(config.retryDelay());
      return Optional.of(config.retryDelay());
    }
    slot.state = ContactState.RETRIES_EXHAUSTED;
    slot.nextRetryAt = null;
    return Optional.empty();
  }

  /**
   * Applies a connect of {@code slot}'s leg with {@code confirmationStatus}: blank, {@code
   * notRequired}, {@code confirmed} or {@code accepted} is joined, {@code rejected} declined.
   *
   * @return false if the slot was not dialing (nothing changed)
   */
  static boolean legConnected(Run.Slot slot, String confirmationStatus) {
    if (slot.state != ContactState.DIALING) {
      return false;
    }
    String confirmation = confirmationStatus.strip().toLowerCase(Locale.ROOT);
    if (confirmation.equals("rejected")) {
      slot.state = ContactState.DECLINED;
      slot.lastResult = "rejected";
    } else if (JOINED_CONFIRMATION.contains(confirmation)) {
      slot.state = ContactState.JOINED;
      slot.lastResult = confirmation.isEmpty() ? "connected" : confirmationStatus.strip();
    } else {
      slot.lastResult = confirmationStatus.strip();
    }
    return true;
  }

  /**
   * Applies the end of leg {@code legId} to {@code slot}; a decline is recorded here, a failure is
   * left to {@link #attemptFailed} with {@link #endResult}.
   */
  static LegEnd legEnded(Run.Slot slot, String legId, String reason, String confirmationStatus) {
    if (slot.state != ContactState.DIALING || !legId.equals(slot.callLegId)) {
      return LegEnd.IGNORED;
    }
    String confirmation = confirmationStatus.strip().toLowerCase(Locale.ROOT);
    String r = reason.strip();
    if (confirmation.equals("rejected") || REJECTED_REASONS.contains(r.toLowerCase(Locale.ROOT))) {
      slot.state = ContactState.DECLINED;
      slot.lastResult = r.isEmpty() ? "rejected" : r;
      return LegEnd.DECLINED;
    }
    return LegEnd.FAILED;
  }

  /** {@return the result a failed attempt records for a leg that ended with {@code reason}} */
  static String endResult(String reason) {
    String r = reason.strip();
    return r.isEmpty() ? "ended" : r;
  }

  /** Marks {@code slot} joined through a leg found connected on the bridge. */
  static void joined(Run.Slot slot) {
    slot.state = ContactState.JOINED;
    slot.lastResult = "connected";
  }

  /** {@return whether {@code run} is dialing with nothing in flight and every contact final} */
  static boolean isComplete(Run run) {
    return run.phase == BlastStatus.Phase.DIALING && run.inFlight == 0 && run.allFinal();
  }

  /** Ends {@code run} in {@code phase}: every contact not final is stopped. */
  static void stop(Run run, BlastStatus.Phase phase) {
    for (Run.Slot slot : run.slots) {
      if (!slot.state.isFinal()) {
        slot.state = ContactState.STOPPED;
        slot.nextRetryAt = null;
      }
    }
    run.phase = phase;
  }

  /**
   * {@return what a Secondary does after its wait, given whether the meeting is still active and
   * its call legs: an outgoing leg to one of the contacts means another instance is dialing}
   */
  static SecondaryDecision secondary(Run run, boolean callActive, List<CallLeg> callLegs) {
    if (!callActive) {
      return SecondaryDecision.MEETING_ENDED;
    }
    Set<String> addresses = new HashSet<>();
    for (Run.Slot slot : run.slots) {
      addresses.add(ContactRules.normalizeAddress(slot.contact.address()));
    }
    boolean someoneDialing =
        callLegs.stream()
            .anyMatch(l -> isOutgoing(l)
                && addresses.contains(ContactRules.normalizeAddress(l.remoteParty().orElse(""))));
    return someoneDialing ? SecondaryDecision.DIALED_BY_OTHER_INSTANCE : SecondaryDecision.DIAL;
  }

  static boolean isOutgoing(CallLeg leg) {
    return leg.direction().orElse(null) == Direction.OUTGOING;
  }

  static boolean isConnected(CallLeg leg) {
    return leg.statusState().orElse(null) == State.CONNECTED;
  }
}
