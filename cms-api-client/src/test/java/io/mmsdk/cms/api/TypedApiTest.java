package io.mmsdk.cms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsServiceException;
import io.mmsdk.cms.FailureReason;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.ResourceList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated typed layer against a MockWebServer: requests sent and replies read. */
class TypedApiTest {
  private MockWebServer server;
  private CmsClient cms;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    cms = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("api", "pw")
        .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    cms.close();
    server.close();
  }

  private static MockResponse xml(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/xml").body(body).build();
  }

  @Test
  void get_readsTypedFields_absentIsEmpty_unknownEnumKept() {
    server.enqueue(xml("<coSpace id=\"cs1\"><name>Sales</name><callId>4711</callId>"
        + "<nonMemberAccess>false</nonMemberAccess><defaultLayout>brandNewLayout</defaultLayout></coSpace>"));

    CoSpace space = cms.api().coSpaces().get("cs1");

    assertEquals("cs1", space.id());
    assertEquals(Optional.of("Sales"), space.name());
    assertEquals(Optional.of(4711L), space.callId());
    assertEquals(Optional.of(false), space.nonMemberAccess());
    assertEquals(Optional.empty(), space.passcode());
    assertEquals(Optional.of(Layout.UNKNOWN_TO_SDK_VERSION), space.defaultLayout());
    assertEquals(Optional.of("brandNewLayout"), space.defaultLayoutAsString());
    assertEquals("Sales", space.raw().findText("name").orElseThrow());
  }

  @Test
  void update_triState_leavesSetsAndUnsets_extraSent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    cms.api().coSpaces().update("cs1", CoSpaceParameters.builder()
        .name("Sales EMEA")
        .defaultLayout(Layout.SPEAKER_ONLY)
        .unsetPasscode()
        .extra("futureKnob", "on")
        .build());

    RecordedRequest request = server.takeRequest();
    assertEquals("PUT", request.getMethod());
    assertEquals("/api/v1/coSpaces/cs1", request.getTarget());
    // OkHttp 5's FormBody encodes a space as '+' (application/x-www-form-urlencoded), 4 used %20.
    assertEquals("name=Sales+EMEA&defaultLayout=speakerOnly&passcode=&futureKnob=on", request.getBody().utf8());
  }

  @Test
  void enumSetter_unknownConstant_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> CoSpaceParameters.builder().defaultLayout(Layout.UNKNOWN_TO_SDK_VERSION));
  }

  @Test
  void modelGaps_participantsStarAndMove_areTyped_enumsKnowTheBlueprintValues() {
    // PUT /calls/<id>/participants/* takes ParticipantProperties; POST moves with movedParticipant.
    assertEquals(Map.of("rxAudioMute", "true", "txVideoMute", "false", "layout", "onePlusN",
            "importance", "2", "filterIds", "p1,p2", "mode", "exclude"),
        ParticipantAllParameters.builder().rxAudioMute(true).txVideoMute(false)
            .layout(Layout.ONE_PLUS_N).importance(2).filterIds("p1,p2").mode(Mode.EXCLUDE)
            .build().form().parameters());
    assertEquals(Map.of("movedParticipant", "p1", "movedParticipantCallBridge", "cb2"),
        ParticipantParameters.builder().movedParticipant("p1").movedParticipantCallBridge("cb2")
            .build().form().parameters());
    assertEquals(Map.of("messageDuration", "permanent"),
        CallParameters.builder().messageDuration("permanent").build().form().parameters());
    assertEquals("unrestricted", QualityMain.UNRESTRICTED.value());
    assertEquals("unrestricted", QualityPresentation.UNRESTRICTED.value());
  }

  @Test
  void list_typedFilters_rootAttributes_nonItemChildrenSkipped() throws Exception {
    server.enqueue(xml("<cdrReceivers total=\"1\" maximum=\"4\"><cdrReceiver id=\"r1\"><uri>http://x</uri></cdrReceiver>"
        + "<summary>not an item</summary></cdrReceivers>"));
    server.enqueue(xml("<callLegs total=\"0\"/>"));

    ResourceList<CdrReceiver> receivers = cms.api().cdrReceivers().list();
    List<String> uris = receivers.stream().map(r -> r.uri().orElse("")).toList();
    cms.api().callLegs().list(CallLegListOptions.builder().participantFilter("p1").build()).findFirst();

    assertEquals(List.of("http://x"), uris);
    server.takeRequest();
    assertEquals("p1", server.takeRequest().getUrl().queryParameter("participantFilter"));
  }

  @Test
  void summary_exposesMaximum() {
    server.enqueue(xml("<cdrReceivers total=\"2\" maximum=\"4\"><cdrReceiver id=\"r1\"/></cdrReceivers>"));

    var summary = cms.api().cdrReceivers().list().summary();

    assertEquals(2, summary.total());
    assertEquals(Optional.of("4"), summary.findAttribute("maximum"));
  }

  @Test
  void accessQuery_postsForm_readsReplyBody() throws Exception {
    server.enqueue(xml("<accessQuery><uri>sales@example.com</uri><webAddress>https://join</webAddress></accessQuery>"));

    AccessQuery result = cms.api().accessQuery(AccessQueryParameters.builder().uri("sales").build());

    assertEquals(Optional.of("sales@example.com"), result.uri());
    assertEquals(Optional.of("https://join"), result.webAddress());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST /api/v1/accessQuery", request.getMethod() + " " + request.getTarget());
    assertEquals("uri=sales", request.getBody().utf8());
  }

  @Test
  void failure_parameterError_keepsEveryAttribute_andNamesThemInMessage() {
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "text/xml")
        .body("<failureDetails><parameterError parameter=\"uri\" error=\"invalidValue\"/></failureDetails>").build());

    CmsServiceException e = assertThrows(CmsServiceException.class,
        () -> cms.api().coSpaces().create(CoSpaceParameters.builder().uri("bad uri").build()));

    assertEquals(Optional.of(FailureReason.PARAMETER_ERROR), e.findFailureReason());
    assertEquals(Map.of("parameter", "uri", "error", "invalidValue"), e.failureAttributes());
    assertEquals(Optional.of("uri"), e.findParameter());
    assertEquals(Optional.of("invalidValue"), e.findError());
    assertTrue(e.getMessage().contains("parameterError error=\"invalidValue\" parameter=\"uri\""), e.getMessage());
  }

  @Test
  void readOnlyFamily_hasNoWriteOperations() {
    for (Class<?> family : List.of(Users.class, Alarms.class, LicenseUsage.class, Participants.class)) {
      for (String write : List.of("create", "delete")) {
        assertFalse(java.util.Arrays.stream(family.getMethods()).anyMatch(m -> m.getName().equals(write)),
            family.getSimpleName() + " has " + write);
      }
    }
  }
}
