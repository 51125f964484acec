package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.SimulatedCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example, verbatim between the markers, run against the simulated cluster. */
class ReadmeSampleTest {
  @Test
  void readmeSample_createsAndListsSpaces() {
    List<String> printed = new ArrayList<>();
    // readme:start
    try (SimulatedCluster cluster = SimulatedCluster.start();
        CmsClient cms = CmsClient.builder()
            .baseUrl(cluster.callBridge(0).baseUrl())
            .credentials(cluster.apiUsername(), cluster.apiPassword())
            .build()) {
      for (String name : List.of("Sales", "Support", "Board")) {
        cms.coSpaces().create(Form.builder().set(CmsFields.NAME, name).build());
      }
      cms.coSpaces().list().stream()
          .forEach(space -> printed.add(space.id() + " " + space.find(CmsFields.NAME).orElse("")));
    }
    // readme:end
    assertEquals(3, printed.size());
    assertEquals(
        List.of("Board", "Sales", "Support"),
        printed.stream().map(line -> line.substring(line.indexOf(' ') + 1)).sorted().toList());
  }
}
