package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CdrReceiverInstallerTest {
  private static final URI OURS = URI.create("http://10.0.0.5:9080/cdr?cluster=london&token=abc");
  private SimulatedCluster cms;
  private CmsClient client;

  @BeforeEach
  void start() {
    cms = SimulatedCluster.start(ClusterOptions.defaults());
    client = CmsClient.builder().baseUrl(cms.callBridge(0).baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    cms.close();
  }

  private List<String> uris() {
    return client.cdrReceivers().list().stream()
        .map(r -> r.findText("uri").orElse("")).toList();
  }

  private void addOther(String uri) {
    client.cdrReceivers().create(Form.builder().set("uri", uri).build());
  }

  @Test
  void install_twice_createdOnce() {
    CdrReceiverInstaller installer = CdrReceiverInstaller.create(OURS);
    CdrReceiverInstaller.Installation first = installer.install(client);
    assertEquals(CdrReceiverInstaller.Installation.Action.CREATED, first.action());
    CdrReceiverInstaller.Installation second = installer.install(client);
    assertEquals(CdrReceiverInstaller.Installation.Action.ALREADY_PRESENT, second.action());
    assertEquals(first.receiverId(), second.receiverId());
    assertEquals(List.of(OURS.toString()), uris());
  }

  @Test
  void install_rotatedToken_updatesOwnEntryOnly() {
    addOther("https://mm.example.com/cdr/1");
    CdrReceiverInstaller.create(OURS).install(client);
    URI rotated = URI.create("http://10.0.0.5:9080/cdr?cluster=london&token=xyz");
    CdrReceiverInstaller.Installation i = CdrReceiverInstaller.create(rotated).install(client);
    assertEquals(CdrReceiverInstaller.Installation.Action.UPDATED, i.action());
    assertEquals(List.of("https://mm.example.com/cdr/1", rotated.toString()), uris());
  }

  @Test
  void install_allSlotsTaken_failsWithoutEvicting() {
    for (int n = 1; n <= 4; n++) {
      addOther("https://tool" + n + ".example.com/cdr");
    }
    CdrReceiverSlotsFullException e = assertThrows(CdrReceiverSlotsFullException.class,
        () -> CdrReceiverInstaller.create(OURS).install(client));
    assertFalse(e.getMessage().contains("abc"), e.getMessage());
    assertEquals(4, uris().size());
    assertFalse(uris().contains(OURS.toString()));
  }

  @Test
  void install_serverLimitLowerThanConfigured_refusalHonoured() {
    cms.close();
    cms = SimulatedCluster.start(ClusterOptions.builder().maxCdrReceivers(2).build());
    client.close();
    client = CmsClient.builder().baseUrl(cms.callBridge(0).baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword()).build();
    addOther("https://tool1.example.com/cdr");
    addOther("https://tool2.example.com/cdr");
    assertThrows(CdrReceiverSlotsFullException.class,
        () -> CdrReceiverInstaller.create(OURS).install(client));
    assertEquals(2, uris().size());
  }

  @Test
  void uninstall_removesOnlyOurs() {
    addOther("https://mm.example.com/cdr/1");
    CdrReceiverInstaller installer = CdrReceiverInstaller.create(OURS);
    installer.install(client);
    assertTrue(installer.findInstallation(client).isPresent());
    assertEquals(1, installer.uninstall(client));
    assertEquals(List.of("https://mm.example.com/cdr/1"), uris());
    assertTrue(installer.findInstallation(client).isEmpty());
    assertEquals(0, installer.uninstall(client));
  }

  @Test
  void toString_tokenRedacted() {
    assertFalse(CdrReceiverInstaller.create(OURS).toString().contains("abc"));
    assertEquals("http://h/cdr?cluster=c", CdrReceiverInstaller.withoutToken("http://h/cdr?cluster=c&token=t"));
    assertEquals("http://h/cdr", CdrReceiverInstaller.withoutToken("http://h/cdr?token=t"));
  }

  @Test
  void receiversList_fieldNamedUri() {
    addOther("https://mm.example.com/cdr/1");
    CmsObject r = client.cdrReceivers().list().stream().findFirst().orElseThrow();
    assertEquals("https://mm.example.com/cdr/1", r.findText("uri").orElseThrow());
  }
}
