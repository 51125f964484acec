package io.mmsdk.cms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed samples of docs/cms-api-client.md, run as written against the simulated cluster. */
class TypedDocSamplesTest {
  @Test
  void guide_typedSamples_runAsDocumented() {
    try (SimulatedCluster cluster = SimulatedCluster.start();
        CmsClient cms = CmsClient.builder().baseUrl(cluster.callBridge(0).baseUrl())
            .credentials(cluster.apiUsername(), cluster.apiPassword()).build()) {
      // --- sample: create a space with a URI and a passcode
      CmsApi api = cms.api();
      String spaceId = api.coSpaces().create(CoSpaceParameters.builder()
          .name("Sales")
          .uri("sales")
          .passcode("4321")
          .build());
      CoSpace space = api.coSpaces().get(spaceId);
      String uri = space.uri().orElse("");              // empty Optional when the reply lacks <uri>
      // --- end
      assertEquals("sales", uri);
      assertEquals(Optional.of("4321"), space.passcode());

      SimulatedCallBridge bridge = cluster.callBridge(0);
      bridge.join(spaceId, "sip:alice@example.com", "Alice");
      bridge.join(spaceId, "sip:bob@example.com", "Bob");
      List<String> printed = new ArrayList<>();

      // --- sample: list active calls with their participants' names
      for (Call call : api.calls().list()) {
        List<String> names = api.callParticipants(call.id()).list().stream()
            .map(participant -> participant.name().orElse("?"))
            .toList();
        printed.add(call.name().orElse(call.id()) + ": " + names);
      }
      // --- end
      assertEquals(List.of("Sales: [Alice, Bob]"), printed);

      // --- sample: change a call leg's layout
      CallLeg leg = api.callLegs().list(CallLegListOptions.builder().filter("Alice").build()).first();
      api.callLegs().update(leg.id(), CallLegParameters.builder()
          .chosenLayout(Layout.SPEAKER_ONLY)
          .build());
      Optional<Layout> layout = api.callLegs().get(leg.id()).configurationChosenLayout();
      // --- end
      assertEquals(Optional.of(Layout.SPEAKER_ONLY), layout);

      // --- sample: run an access query
      AccessQuery access = api.accessQuery(AccessQueryParameters.builder().uri("sales").build());
      String dialable = access.uri().orElse("");        // the full SIP URI, e.g. sales@example.com
      // --- end
      assertEquals("sales@example.com", dialable);
    }
  }
}
