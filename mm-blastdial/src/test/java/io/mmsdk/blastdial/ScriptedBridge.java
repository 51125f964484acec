package io.mmsdk.blastdial;

import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scripted Call Bridge for blast dial tests: each remote address answers each attempt as
 * scripted, and the outcome reaches the listening {@link BlastDial} instances the way CDR records
 * would, {@link #RING} after the dial-out. Plays the confirmation prompt like CMS: 1 joins, * ends
 * the leg with confirmationStatus rejected, other digits are ignored, no key means
 * confirmationTimeOut.
 */
final class ScriptedBridge implements CallBridgeGateway {
  static final Duration RING = Duration.ofSeconds(10);

  /** What the far end does on one attempt. */
  record Answer(String kind, String digits) {
    static Answer press(String digits) {
      return new Answer("answer", digits);
    }

    static Answer busy() {
      return new Answer("remoteBusy", "");
    }

    static Answer noAnswer() {
      return new Answer("ringingTimeout", "");
    }

    static Answer decline() {
      return new Answer("remoteRejected", "");
    }
  }

  record Dial(String callId, String address, boolean confirmation, String legId) {}

  private final SimulatedClock scheduler;
  private final Map<String, Deque<Answer>> scripts = new HashMap<>();
  private final List<Dial> dials = new ArrayList<>();
  private final Map<String, CallLeg> liveLegs = new HashMap<>();
  private final Set<String> activeCalls = new HashSet<>();
  private final List<BlastDial> listeners = new ArrayList<>();
  private int busyResponses;
  private int legs;

  ScriptedBridge(SimulatedClock scheduler) {
    this.scheduler = scheduler;
  }

  /** {@return a dialed-out call leg in {@code state}, as {@code GET /callLegs/<id>} returns it} */
  static CallLeg outgoingLeg(String id, String remoteParty, String state) {
    return new CallLeg(CmsObject.of(new CmsElement("callLeg", Map.of("id", id), "", List.of(
        new CmsElement("remoteParty", Map.of(), remoteParty, List.of()),
        new CmsElement("direction", Map.of(), "outgoing", List.of()),
        new CmsElement("status", Map.of(), "", List.of(
            new CmsElement("state", Map.of(), state, List.of())))))));
  }

  synchronized void script(String address, Answer... answers) {
    scripts.put(address, new ArrayDeque<>(List.of(answers)));
  }

  synchronized void startCall(String callId) {
    activeCalls.add(callId);
  }

  synchronized void endCall(String callId) {
    activeCalls.remove(callId);
    liveLegs.values().removeIf(l -> true);
  }

  synchronized void answer503(int times) {
    busyResponses = times;
  }

  void listen(BlastDial dial) {
    listeners.add(dial);
  }

  void unlisten(BlastDial dial) {
    listeners.remove(dial);
  }

  synchronized List<Dial> dials() {
    return List.copyOf(dials);
  }

  synchronized long dialsTo(String address) {
    return dials.stream().filter(d -> d.address().equals(address)).count();
  }

  @Override
  public String dialOut(String callId, String remoteParty, boolean confirmation) {
    String legId;
    Answer answer;
    synchronized (this) {
      if (busyResponses > 0) {
        busyResponses--;
        throw new BridgeBusyException("bridge answered 503 to POST /calls/" + callId + "/callLegs");
      }
      if (!activeCalls.contains(callId)) {
        throw new IllegalStateException("callDoesNotExist " + callId);
      }
      legId = "leg-" + (++legs);
      dials.add(new Dial(callId, remoteParty, confirmation, legId));
      liveLegs.put(legId, outgoingLeg(legId, remoteParty, "ringing"));
      Deque<Answer> script = scripts.get(remoteParty);
      answer = script == null || script.isEmpty() ? Answer.noAnswer() : script.poll();
    }
    scheduler.schedule(RING, () -> play(legId, remoteParty, confirmation, answer));
    return legId;
  }

  private void play(String legId, String remoteParty, boolean confirmation, Answer answer) {
    synchronized (this) {
      if (!liveLegs.containsKey(legId)) {
        return;
      }
    }
    if (!answer.kind().equals("answer")) {
      end(legId, answer.kind(), "");
      return;
    }
    if (!confirmation) {
      connected(legId, remoteParty, "notRequired");
      return;
    }
    for (char c : answer.digits().toCharArray()) {
      if (c == '1') {
        connected(legId, remoteParty, "confirmed");
        return;
      }
      if (c == '*') {
        end(legId, "remoteTeardown", "rejected");
        return;
      }
    }
    end(legId, "confirmationTimeOut", "");
  }

  private void connected(String legId, String remoteParty, String status) {
    synchronized (this) {
      liveLegs.put(legId, outgoingLeg(legId, remoteParty, "connected"));
    }
    for (BlastDial d : listeners) {
      d.callLegConnected(legId, status);
    }
  }

  private void end(String legId, String reason, String status) {
    synchronized (this) {
      liveLegs.remove(legId);
    }
    for (BlastDial d : listeners) {
      d.callLegEnded(legId, reason, status);
    }
  }

  @Override
  public synchronized List<CallLeg> callLegs(String callId) {
    if (!activeCalls.contains(callId)) {
      return List.of();
    }
    List<CallLeg> result = new ArrayList<>();
    for (Dial d : dials) {
      CallLeg leg = liveLegs.get(d.legId());
      if (leg != null && d.callId().equals(callId)) {
        result.add(leg);
      }
    }
    return result;
  }

  @Override
  public synchronized boolean isCallActive(String callId) {
    return activeCalls.contains(callId);
  }
}
