package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsEnumValue;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.common.MmSdkException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SystemResourcesTest extends MockCms {
  @Test
  void systemStatus_blueprintSample_parsesVersionAndUptime() throws Exception {
    server.enqueue(MockCms.xml("""
        <?xml version="1.0"?>
        <status>
          <hostId>8b6dc06e-6a0b-4983-aa9c-bf49826f7756</hostId>
          <softwareVersion>2.6.1</softwareVersion>
          <uptimeSeconds>3600</uptimeSeconds>
          <cdrTime>2022-05-17T10:07:29Z</cdrTime>
          <clusterEnabled>true</clusterEnabled>
          <cdrCorrelatorIndex>196284</cdrCorrelatorIndex>
        </status>"""));

    SystemStatus status = cms.systemStatus();

    assertEquals("/api/v1/system/status", server.takeRequest().getTarget());
    assertEquals(new CmsVersion(2, 6, 1, "2.6.1"), status.softwareVersion());
    assertFalse(status.softwareVersion().isAtLeast(2, 9));
    assertEquals(Duration.ofHours(1), status.uptime());
    assertTrue(status.clusterEnabled());
    assertEquals("8b6dc06e-6a0b-4983-aa9c-bf49826f7756", status.hostId());
    assertEquals(Instant.parse("2022-05-17T10:07:29Z"), status.object().find(CmsFields.CDR_TIME).orElseThrow());
    assertEquals(196284L, status.object().find(CmsFields.CDR_CORRELATOR_INDEX).orElseThrow());
  }

  @Test
  void systemStatus_versionMissing_throwsParseException() {
    server.enqueue(MockCms.xml("<status><uptimeSeconds>1</uptimeSeconds></status>"));

    CmsParseException e = assertThrows(CmsParseException.class, cms::systemStatus);

    assertTrue(e.isWellFormed());
    assertTrue(e.getMessage().contains("softwareVersion"), e.getMessage());
  }

  @Test
  void read_clusterLicensing_nestedFeaturesByPath() throws Exception {
    server.enqueue(MockCms.xml("""
        <clusterLicensing>
          <features>
            <callBridge><status>activated</status><expiry>2022-Aug-08</expiry></callBridge>
            <callBridgeNoEncryption><status>noLicense</status></callBridgeNoEncryption>
            <customizations><status>expired</status><expiry>2021-Jan-01</expiry></customizations>
            <recording><status>activated</status><limit>20</limit></recording>
          </features>
        </clusterLicensing>"""));

    CmsObject licensing = cms.read(SystemResource.CLUSTER_LICENSING);

    assertEquals("/api/v1/clusterLicensing", server.takeRequest().getTarget());
    assertEquals("activated", licensing.findText("features/callBridge/status").orElseThrow());
    assertEquals("2022-Aug-08", licensing.findText("features/callBridge/expiry").orElseThrow());
    assertEquals("noLicense", licensing.findText("features/callBridgeNoEncryption/status").orElseThrow());
    assertEquals("20", licensing.findText("features/recording/limit").orElseThrow());
  }

  @Test
  void read_multipartyLicensing_decimalsAndTimestamp() throws Exception {
    server.enqueue(MockCms.xml("""
        <multipartyLicensing>
          <timestamp>2020-01-01T10:00:00Z</timestamp>
          <personalLicenseLimit>10</personalLicenseLimit>
          <callsActive>3</callsActive>
          <weightedCallsWithoutPersonalLicense>1.5</weightedCallsWithoutPersonalLicense>
        </multipartyLicensing>"""));

    CmsObject mp = cms.read(SystemResource.MULTIPARTY_LICENSING);

    assertEquals("/api/v1/system/multipartyLicensing", server.takeRequest().getTarget());
    assertEquals(Instant.parse("2020-01-01T10:00:00Z"), mp.find(CmsFields.TIMESTAMP).orElseThrow());
    assertEquals(3L, mp.find(CmsFields.CALLS_ACTIVE).orElseThrow());
    assertEquals(new BigDecimal("1.5"), mp.find(CmsFields.WEIGHTED_CALLS_WITHOUT_PERSONAL_LICENSE).orElseThrow());
  }

  @Test
  void read_licensing_requestsSystemLicensing() throws Exception {
    server.enqueue(MockCms.xml(
        "<licensing><features><callBridge><status>grace</status></callBridge><webBridge/></features></licensing>"));

    CmsObject licensing = cms.read(SystemResource.LICENSING);

    assertEquals("/api/v1/system/licensing", server.takeRequest().getTarget());
    assertEquals("grace", licensing.findText("features/callBridge/status").orElseThrow());
    assertEquals("", licensing.findText("features/webBridge").orElseThrow());
  }

  @Test
  void licenseUsage_timeRangeAndHost_sendsFiltersAndReadsEntries() throws Exception {
    server.enqueue(MockCms.xml("""
        <MPLicenseUsage total="2">
          <entry time="2020-08-01T00:00:00Z"><smpAud>1.00</smpAud><pmp>2</pmp></entry>
          <entry time="2020-08-01T00:05:00Z"/>
        </MPLicenseUsage>"""));
    ListOptions options = ListOptions.builder()
        .startTime(Instant.parse("2020-08-01T00:00:00Z"))
        .endTime(Instant.parse("2020-08-02T00:00:00Z"))
        .hostId("host-1")
        .build();

    List<CmsObject> entries = cms.licenseUsage().list(options).stream().toList();

    HttpUrl url = server.takeRequest().getUrl();
    assertEquals("/api/v1/system/MPLicenseUsage", url.encodedPath());
    assertEquals("2020-08-01T00:00:00Z", url.queryParameter("startTime"));
    assertEquals("2020-08-02T00:00:00Z", url.queryParameter("endTime"));
    assertEquals("host-1", url.queryParameter("hostId"));
    assertEquals(2, entries.size());
    assertEquals("2020-08-01T00:00:00Z", entries.get(0).findAttribute("time").orElseThrow());
    assertEquals(new BigDecimal("1.00"), entries.get(0).find(CmsFields.SMP_AUD).orElseThrow());
    assertTrue(entries.get(1).find(CmsFields.PMP).isEmpty());
  }

  @Test
  void list_filterNotAcceptedByFamily_throwsBeforeSending() {
    ListOptions options = ListOptions.builder().coSpaceFilter("x").build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> cms.ldapSyncs().page(0, 10, options));

    assertTrue(e.getMessage().contains("coSpaceFilter"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void tenants_callLegProfileFilter_bothSpellingsAccepted() throws Exception {
    server.enqueue(MockCms.xml("<tenants total=\"0\"/>"));
    server.enqueue(MockCms.xml("<tenants total=\"0\"/>"));

    cms.tenants().page(0, 5, ListOptions.builder().callLegProfileFilter("p1").build());
    cms.tenants().page(0, 5, ListOptions.builder().parameter("callLegProfileFillter", "p1").build());

    assertEquals("/api/v1/tenants?callLegProfileFilter=p1&offset=0&limit=5", server.takeRequest().getTarget());
    assertEquals("/api/v1/tenants?callLegProfileFillter=p1&offset=0&limit=5", server.takeRequest().getTarget());
  }

  @Test
  void find_enumField_keepsUnknownValue() throws Exception {
    server.enqueue(MockCms.xml("<callLegProfile id=\"p1\"><defaultLayout>speakerOnly</defaultLayout>"
        + "<qualityMain>max2160p60</qualityMain></callLegProfile>"));

    CmsObject profile = cms.callLegProfiles().get("p1");

    CmsEnumValue layout = profile.find(CmsFields.DEFAULT_LAYOUT).orElseThrow();
    CmsEnumValue quality = profile.find(CmsFields.QUALITY_MAIN).orElseThrow();
    assertTrue(layout.isKnown());
    assertTrue(layout.is("speakerOnly"));
    assertFalse(quality.isKnown());
    assertEquals("max2160p60", quality.value());
  }

  @Test
  void find_badBoolean_throwsWithFieldAndValue() {
    server.enqueue(MockCms.xml("<coSpace id=\"c\"><nonMemberAccess>yes</nonMemberAccess></coSpace>"));
    CmsObject space = cms.coSpaces().get("c");

    MmSdkException e = assertThrows(MmSdkException.class, () -> space.find(CmsFields.NON_MEMBER_ACCESS));

    assertTrue(e.getMessage().contains("nonMemberAccess") && e.getMessage().contains("yes"), e.getMessage());
  }

  @Test
  void read_anyPath_getsNode() throws Exception {
    server.enqueue(MockCms.xml("<meetingEntryDetail><coSpace/><uri>johnny.space@ciscolabs.com</uri><callId/></meetingEntryDetail>"));

    CmsObject detail = cms.read("coSpaces/cs-1/meetingEntryDetail");

    assertEquals("/api/v1/coSpaces/cs-1/meetingEntryDetail", server.takeRequest().getTarget());
    assertEquals("johnny.space@ciscolabs.com", detail.find(CmsFields.URI).orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> cms.read("/api/v1/coSpaces"));
    assertThrows(IllegalArgumentException.class, () -> cms.read("coSpaces/../system"));
    assertThrows(IllegalArgumentException.class, () -> cms.read("coSpaces?limit=1"));
  }
}
