package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run transitions on their own: no bridge, no store, no timers. */
class RunStateMachineTest {
  static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  static final Contact ALICE = new Contact("c1", "Alice", "alice@example.com", false);
  static final Contact BOB = new Contact("c2", "Bob", "bob@example.com", true);

  static Run run(BlastStatus.Phase phase, Contact... contacts) {
    return new Run(SpaceKey.of("cluster-a", "space-1"), "call-1", NOW, phase,
        RunStateMachine.slotsFor(List.of(contacts), ""));
  }

  /** {@return a dialed-out call leg in {@code state}, as {@code GET /callLegs/<id>} returns it} */
  static CallLeg outgoingLeg(String id, String remoteParty, String state) {
    return new CallLeg(CmsObject.of(new CmsElement("callLeg", Map.of("id", id), "", List.of(
        new CmsElement("remoteParty", Map.of(), remoteParty, List.of()),
        new CmsElement("direction", Map.of(), "outgoing", List.of()),
        new CmsElement("status", Map.of(), "", List.of(
            new CmsElement("state", Map.of(), state, List.of())))))));
  }

  static Run.Slot dialing(Run run, int index, String legId) {
    Run.Slot slot = run.slots.get(index);
    RunStateMachine.startAttempt(run, slot);
    run.inFlight--;
    slot.callLegId = legId;
    return slot;
  }

  @Test
  void slotsFor_joinerIsAContact_skipsThatContactOnly() {
    List<Run.Slot> slots = RunStateMachine.slotsFor(List.of(ALICE, BOB), " SIP:Bob@Example.com ");

    assertEquals(ContactState.PENDING, slots.get(0).state);
    assertEquals(ContactState.SKIPPED, slots.get(1).state);
    assertEquals("dialed in", slots.get(1).lastResult);
  }

  @Test
  void legConnected_confirmations_joinDeclineOrWait() {
    Run run = run(BlastStatus.Phase.DIALING, ALICE, BOB);
    Run.Slot alice = dialing(run, 0, "leg-a");
    Run.Slot bob = dialing(run, 1, "leg-b");

    assertTrue(RunStateMachine.legConnected(alice, "pending"));
    assertEquals(ContactState.DIALING, alice.state);
    assertEquals("pending", alice.lastResult);
    assertTrue(RunStateMachine.legConnected(alice, " Confirmed "));
    assertEquals(ContactState.JOINED, alice.state);
    assertEquals("Confirmed", alice.lastResult);
    assertTrue(RunStateMachine.legConnected(bob, "REJECTED"));
    assertEquals(ContactState.DECLINED, bob.state);
    assertFalse(RunStateMachine.legConnected(bob, ""), "a final contact does not change again");
    assertEquals(ContactState.DECLINED, bob.state);
  }

  @Test
  void legEnded_otherLegOrRejectedOrBusy_ignoredDeclinedOrFailed() {
    Run run = run(BlastStatus.Phase.DIALING, ALICE, BOB);
    Run.Slot alice = dialing(run, 0, "leg-a");
    Run.Slot bob = dialing(run, 1, "leg-b");

    assertEquals(RunStateMachine.LegEnd.IGNORED,
        RunStateMachine.legEnded(alice, "leg-old", "remoteBusy", ""));
    assertEquals(ContactState.DIALING, alice.state);
    assertEquals(RunStateMachine.LegEnd.DECLINED,
        RunStateMachine.legEnded(alice, "leg-a", "remoteRejected", ""));
    assertEquals("remoteRejected", alice.lastResult);
    assertEquals(RunStateMachine.LegEnd.FAILED,
        RunStateMachine.legEnded(bob, "leg-b", " remoteBusy ", "pending"));
    assertEquals("remoteBusy", RunStateMachine.endResult(" remoteBusy "));
    assertEquals("ended", RunStateMachine.endResult(""));
  }

  @Test
  void attemptFailed_retriesLeftThenExhausted_waitsThenStops() {
    BlastDialConfig config =
        BlastDialConfig.builder().enabled(true).retries(1).retryDelay(Duration.ofSeconds(30)).build();
    Run run = run(BlastStatus.Phase.DIALING, ALICE);
    Run.Slot alice = dialing(run, 0, "leg-1");

    Optional<Duration> retry = RunStateMachine.attemptFailed(alice, "remoteBusy", config, NOW);

    assertEquals(Optional.of(Duration.ofSeconds(30)), retry);
    assertEquals(ContactState.WAITING_RETRY, alice.state);
    assertEquals(NOW.plusSeconds(30), alice.nextRetryAt);
    assertNull(alice.callLegId);
    dialing(run, 0, "leg-2");
    assertEquals(Optional.empty(), RunStateMachine.attemptFailed(alice, "ringingTimeout", config, NOW));
    assertEquals(ContactState.RETRIES_EXHAUSTED, alice.state);
    assertEquals(2, alice.attempts);
    assertNull(alice.nextRetryAt);
  }

  @Test
  void bridgeBusy_attemptDoesNotCount_contactPendingAgain() {
    Run run = run(BlastStatus.Phase.DIALING, ALICE);
    Run.Slot alice = dialing(run, 0, null);

    RunStateMachine.bridgeBusy(alice);

    assertEquals(0, alice.attempts);
    assertEquals(ContactState.PENDING, alice.state);
    assertEquals("bridgeBusy", alice.lastResult);
  }

  @Test
  void isComplete_needsDialingNothingInFlightAndEveryContactFinal() {
    Run run = run(BlastStatus.Phase.DIALING, ALICE, BOB);
    Run.Slot alice = dialing(run, 0, "leg-a");
    RunStateMachine.legConnected(alice, "");
    assertFalse(RunStateMachine.isComplete(run), "Bob is still pending");

    Run.Slot bob = run.slots.get(1);
    RunStateMachine.startAttempt(run, bob);
    RunStateMachine.legConnected(bob, "rejected");
    assertFalse(RunStateMachine.isComplete(run), "Bob's dial-out has not returned");

    run.inFlight--;
    assertTrue(RunStateMachine.isComplete(run));
    run.phase = BlastStatus.Phase.WAITING_AS_SECONDARY;
    assertFalse(RunStateMachine.isComplete(run));
  }

  @Test
  void stop_contactsNotFinal_stoppedAndPhaseSet() {
    Run run = run(BlastStatus.Phase.DIALING, ALICE, BOB);
    Run.Slot alice = dialing(run, 0, "leg-a");
    RunStateMachine.legConnected(alice, "");
    Run.Slot bob = run.slots.get(1);
    bob.state = ContactState.WAITING_RETRY;
    bob.nextRetryAt = NOW;

    RunStateMachine.stop(run, BlastStatus.Phase.TURNED_OFF);

    assertEquals(BlastStatus.Phase.TURNED_OFF, run.phase);
    assertEquals(ContactState.JOINED, alice.state);
    assertEquals(ContactState.STOPPED, bob.state);
    assertNull(bob.nextRetryAt);
  }

  @Test
  void secondary_endedOrOutgoingLegToAContactOrNone_decides() {
    Run run = run(BlastStatus.Phase.WAITING_AS_SECONDARY, ALICE, BOB);

    assertEquals(RunStateMachine.SecondaryDecision.MEETING_ENDED,
        RunStateMachine.secondary(run, false, List.of()));
    assertEquals(RunStateMachine.SecondaryDecision.DIALED_BY_OTHER_INSTANCE,
        RunStateMachine.secondary(run, true,
            List.of(outgoingLeg("leg-1", "sip:BOB@example.com", "ringing"))));
    assertEquals(RunStateMachine.SecondaryDecision.DIAL,
        RunStateMachine.secondary(run, true,
            List.of(outgoingLeg("leg-1", "carol@example.com", "connected"))));
  }
}
