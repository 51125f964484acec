package io.mmsdk.examples.demo;

import io.mmsdk.blastdial.AudioPromptMode;
import io.mmsdk.blastdial.BlastDial;
import io.mmsdk.blastdial.BlastDialConfig;
import io.mmsdk.blastdial.BlastStatus;
import io.mmsdk.blastdial.CallPoller;
import io.mmsdk.blastdial.ContactDetails;
import io.mmsdk.blastdial.ContactStatus;
import io.mmsdk.blastdial.SpaceKey;
import io.mmsdk.cdr.CallEnd;
import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.EndpointScript;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Step: configure blast dial on a space, let a participant join, and show each contact's outcome.
 * Leg outcomes reach blast dial the documented way: from CDRs, through a {@link CdrListener}.
 */
final class BlastDialStep {
  private BlastDialStep() {}

  /** Forwards leg and call outcomes from the CDR pipeline to the blast dial, once it exists. */
  static final class CdrToBlastDial implements CdrListener {
    final AtomicReference<BlastDial> target = new AtomicReference<>();

    @Override
    public void onEvent(CdrEvent event) {
      BlastDial blast = target.get();
      if (blast == null || !(event instanceof CdrEvent.RecordReceived received) || received.replayed()) {
        return;
      }
      CdrRecord record = received.record();
      if (record instanceof CallLegUpdate u && "connected".equals(u.state())) {
        blast.callLegConnected(u.callLegId(), Objects.toString(u.confirmationStatus(), ""));
      } else if (record instanceof CallLegEnd e) {
        blast.callLegEnded(e.callLegId(), Objects.toString(e.reason(), ""),
            Objects.toString(e.confirmationStatus(), ""));
      } else if (record instanceof CallEnd c) {
        blast.meetingEnded(received.origin().clusterId(), c.callId());
      }
    }
  }

  /** Returns contact address → final state. */
  static Map<String, String> run(Progress progress, SimulatedWorld world, BlastDial blast, String clusterId,
      CmsClient hostBridgeClient, CmsObject space, String organiser) {
    progress.step("Blast dial on space '" + space.findText("name").orElse(space.id()) + "' (mm-blastdial)");
    SpaceKey key = SpaceKey.of(clusterId, space.id());
    blast.configure(key, BlastDialConfig.builder()
        .enabled(true)
        .retries(1)
        .retryDelay(Duration.ofSeconds(20))
        .audioPrompt(AudioPromptMode.PER_CONTACT)
        .build());
    Map<String, EndpointScript> contacts = new LinkedHashMap<>();
    contacts.put("accepts@partner.example", EndpointScript.answersThenPresses("1"));
    contacts.put("declines@partner.example", EndpointScript.answersThenPresses("*"));
    contacts.put("busy@partner.example", EndpointScript.busy());
    contacts.put("silent@partner.example", EndpointScript.noAnswer());
    blast.addContact(key, new ContactDetails("Organiser", organiser, true));
    contacts.forEach((address, script) -> {
      world.cms.scriptEndpoint(address, script);
      blast.addContact(key, new ContactDetails(address.substring(0, address.indexOf('@')), address, true));
    });
    progress.line("%d contacts; retries %d, retry delay %ss; prompt: press 1 to join, * to decline",
        blast.contacts(key).size(), blast.config(key).retries(), blast.config(key).retryDelay().toSeconds());

    SimulatedCallBridge host = world.cms.callBridge(0);
    try (CallPoller poller = CallPoller.start(blast, clusterId, hostBridgeClient, world.scheduler,
        CallPoller.DEFAULT_PERIOD)) {
      CallLegInfo first = host.join(space.id(), organiser, "Organiser");
      progress.line("%s joined; the call poller notices within %ss", organiser,
          CallPoller.DEFAULT_PERIOD.toSeconds());
      BlastStatus status = null;
      for (int i = 0; i < 30 && (status == null || !status.phase().isFinal()); i++) {
        world.advance(Duration.ofSeconds(5));
        status = blast.findStatus(clusterId, first.callId()).orElse(null);
      }
      if (status == null) {
        throw new IllegalStateException("Blast dial never started for call " + first.callId());
      }
      Map<String, String> outcomes = new LinkedHashMap<>();
      for (ContactStatus c : status.contacts()) {
        outcomes.put(c.contact().address(), c.state().name());
        progress.line("  %-26s %-18s attempts=%d last=%s", c.contact().address(), c.state(), c.attempts(),
            c.lastResult() == null || c.lastResult().isEmpty() ? "-" : c.lastResult());
      }
      progress.line("blast dial phase: %s", status.phase());
      host.endCall(first.callId());
      world.advance(Duration.ofSeconds(1));
      return outcomes;
    }
  }
}
