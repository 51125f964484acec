package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsResources;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.core.Page;
import io.mmsdk.cms.core.ResourceType;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WritesTest extends MockCms {
  @ParameterizedTest
  @CsvSource({
    "/api/v1/coSpaces/581caae0-420a-43df-9a9e-f690c70e12d3, 581caae0-420a-43df-9a9e-f690c70e12d3",
    "/api/v1/coSpaces/cs/accessMethods/74352ae5-26d0-4401-82ca-1d1a20e2e91c, 74352ae5-26d0-4401-82ca-1d1a20e2e91c",
    "/ap1/v1/callBridges/abc, abc",
    "https://cms.example.com:8443/api/v1/participants/p9/, p9",
  })
  void create_locationHeader_returnsLastSegment(String location, String id) {
    server.enqueue(MockCms.created(location));

    assertEquals(id, cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "x").build()));
  }

  @Test
  void create_coSpace_sendsFormBody() throws Exception {
    server.enqueue(MockCms.created("/api/v1/coSpaces/new-id"));
    Form form = Form.builder()
        .set(CmsFields.NAME, "Sales Team")
        .set(CmsFields.URI, "sales")
        .set(CmsFields.NON_MEMBER_ACCESS, false)
        .set(CmsFields.DEFAULT_LAYOUT, "speakerOnly")
        .build();

    String id = cms.coSpaces().create(form);

    RecordedRequest request = server.takeRequest();
    assertEquals("new-id", id);
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/coSpaces", request.getTarget());
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    // OkHttp 5's FormBody encodes a space as '+' (application/x-www-form-urlencoded), 4 used %20.
    assertEquals("name=Sales+Team&uri=sales&nonMemberAccess=false&defaultLayout=speakerOnly",
        request.getBody().utf8());
  }

  @Test
  void create_dialOutCallLeg_postsToCallAndReturnsLegId() throws Exception {
    server.enqueue(MockCms.created("/api/v1/callLegs/5a3b907a-7641-42fb-ae8c-b3424a3e923f"));

    String legId = cms.callLegsOf("call-1").create(Form.builder()
        .set(CmsFields.REMOTE_PARTY, "sip:alice@example.com")
        .set(CmsFields.CONFIRMATION, true)
        .build());

    RecordedRequest request = server.takeRequest();
    assertEquals("5a3b907a-7641-42fb-ae8c-b3424a3e923f", legId);
    assertEquals("/api/v1/calls/call-1/callLegs", request.getTarget());
    assertEquals("remoteParty=sip%3Aalice%40example.com&confirmation=true", request.getBody().utf8());
  }

  @Test
  void create_dialOutParticipant_postsToCallParticipants() throws Exception {
    server.enqueue(MockCms.created("/api/v1/participants/p-1"));

    String id = cms.participantsOf("call-1").create(
        Form.builder().set(CmsFields.REMOTE_PARTY, "username1@example.com").build());

    assertEquals("p-1", id);
    assertEquals("/api/v1/calls/call-1/participants", server.takeRequest().getTarget());
  }

  @Test
  void create_noLocation_parseExceptionSaysIdUnknown() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    CmsParseException e = assertThrows(CmsParseException.class, () -> cms.tenants().create(Form.empty()));

    assertTrue(e.getMessage().contains("Location"), e.getMessage());
    assertEquals("POST", e.request().method());
  }

  @Test
  void update_triState_sendsSetAndEmptyOmitsUnchanged() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    Form form = Form.builder()
        .set(CmsFields.NAME, "Renamed")
        .unset(CmsFields.TENANT)
        .set(CmsFields.PASSCODE, "1234")
        .leaveUnchanged(CmsFields.PASSCODE)
        .unset("callLegProfile")
        .build();

    cms.coSpaces().update("cs-1", form);

    RecordedRequest request = server.takeRequest();
    assertEquals("PUT", request.getMethod());
    assertEquals("/api/v1/coSpaces/cs-1", request.getTarget());
    assertEquals("name=Renamed&tenant=&callLegProfile=", request.getBody().utf8());
    assertTrue(form.isUnset("tenant"));
    assertEquals("Form[name, tenant, callLegProfile]", form.toString());
  }

  @Test
  void delete_sendsDeleteToObjectPath() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    cms.cdrReceivers().delete("r1");

    RecordedRequest request = server.takeRequest();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/api/v1/system/cdrReceivers/r1", request.getTarget());
  }

  @Test
  void writes_readOnlyFamily_rejectedWithoutRequest() {
    assertThrows(IllegalStateException.class, () -> cms.users().create(Form.empty()));
    assertThrows(IllegalStateException.class, () -> cms.users().delete("u1"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void ids_withSlash_rejected() {
    assertThrows(IllegalArgumentException.class, () -> cms.coSpaces().get("a/../b"));
    assertThrows(IllegalArgumentException.class, () -> cms.accessMethods(""));
  }

  @Test
  void customFamily_anyPathAndQuery() throws Exception {
    server.enqueue(MockCms.xml("<dialTransforms total=\"1\"><dialTransform id=\"d1\"><type>raw</type></dialTransform></dialTransforms>"));
    CmsResources transforms = cms.resources(ResourceType.custom("dialTransforms", "dialTransforms", "dialTransform"));

    Page page = transforms.page(0, 5, ListOptions.builder().parameter("filter", "x").build());

    assertEquals("d1", page.items().get(0).id());
    assertEquals("/api/v1/dialTransforms?filter=x&offset=0&limit=5", server.takeRequest().getTarget());
  }
}
