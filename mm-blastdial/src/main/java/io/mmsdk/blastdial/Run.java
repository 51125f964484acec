package io.mmsdk.blastdial;

import io.mmsdk.common.time.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutable state of one blast dial; guarded by the owning {@link BlastDial}'s lock. */
final class Run {
  final SpaceKey space;
  final String callId;
  final Instant startedAt;
  final List<Slot> slots;
  BlastStatus.Phase phase;
  Scheduler.Cancellable pendingCheck;
  int inFlight;
  int busyStreak;

  Run(SpaceKey space, String callId, Instant startedAt, BlastStatus.Phase phase, List<Slot> slots) {
    this.space = space;
    this.callId = callId;
    this.startedAt = startedAt;
    this.phase = phase;
    this.slots = slots;
  }

  static Run from(BlastStatus s) {
    List<Slot> slots = new ArrayList<>();
    for (ContactStatus c : s.contacts()) {
      Slot slot = new Slot(c.contact());
      slot.state = c.state();
      slot.attempts = c.attempts();
      slot.nextRetryAt = c.nextRetryAt();
      slot.callLegId = c.callLegId();
      slot.lastResult = c.lastResult();
      slots.add(slot);
    }
    return new Run(s.space(), s.callId(), s.startedAt(), s.phase(), slots);
  }

  BlastStatus snapshot() {
    List<ContactStatus> contacts = new ArrayList<>(slots.size());
    for (Slot s : slots) {
      contacts.add(
          new ContactStatus(s.contact, s.state, s.attempts, s.nextRetryAt, s.callLegId, s.lastResult));
    }
    return new BlastStatus(space, callId, startedAt, phase, contacts);
  }

  boolean allFinal() {
    return slots.stream().allMatch(s -> s.state.isFinal());
  }

  /** One contact's mutable state. */
  static final class Slot {
    final Contact contact;
    ContactState state = ContactState.PENDING;
    int attempts;
    Instant nextRetryAt;
    String callLegId;
    String lastResult;
    Scheduler.Cancellable retryTimer;

    Slot(Contact contact) {
      this.contact = contact;
    }
  }
}
