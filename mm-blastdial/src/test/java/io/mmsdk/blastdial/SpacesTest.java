package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.api.CoSpace;
import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.SimulatedCluster;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpacesTest {
  SimulatedCluster cms;
  CmsClient client;
  Spaces spaces;
  String sales;

  @BeforeEach
  void setUp() {
    cms = SimulatedCluster.start();
    client = CmsClient.builder()
        .baseUrl(cms.callBridge(0).baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword())
        .retryPolicy(RetryPolicy.none())
        .build();
    sales = client.coSpaces().create(Form.builder().set("name", "Sales weekly")
        .set("uri", "sales.weekly").set("secondaryUri", "7001").set("callId", "7001")
        .set("passcode", "4321").set("nonMemberAccess", "false").build());
    client.coSpaces().create(Form.builder().set("name", "Support").set("uri", "support").build());
    client.coSpaces().create(Form.builder().set("name", "Presales").set("uri", "presales").build());
    spaces = Spaces.create(client);
  }

  @AfterEach
  void tearDown() {
    client.close();
    cms.close();
  }

  @Test
  void list_emptySearch_returnsEverySpace() {
    assertEquals(3, spaces.list("").size());
  }

  @Test
  void list_search_returnsMatchingSpaces() {
    List<CoSpace> found = spaces.list("sales");
    assertEquals(List.of("Presales", "Sales weekly"),
        found.stream().map(s -> s.name().orElse("")).sorted().toList());
  }

  @Test
  void findJoinInfo_existingSpace_returnsVisibilityIdPasscodeAndAddress() {
    SpaceJoinInfo info = spaces.findJoinInfo(sales).orElseThrow();

    assertEquals(new SpaceJoinInfo(sales, "Sales weekly", SpaceJoinInfo.Visibility.MEMBERS_ONLY,
        "7001", "4321", "sales.weekly", "7001"), info);
    assertFalse(info.toString().contains("4321"));
  }

  @Test
  void findJoinInfo_spaceWithoutNonMemberAccess_isPublicWithEmptyFields() {
    String bare = client.coSpaces().create(Form.builder().set("name", "Bare").build());

    assertEquals(new SpaceJoinInfo(bare, "Bare", SpaceJoinInfo.Visibility.PUBLIC, "", "", "", ""),
        spaces.findJoinInfo(bare).orElseThrow());
  }

  @Test
  void findJoinInfo_unknownSpace_isEmpty() {
    assertTrue(spaces.findJoinInfo("00000000-0000-0000-0000-000000000000").isEmpty());
  }
}
