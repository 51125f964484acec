package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorsTest extends MockCms {
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(400, "<failureDetails><coSpaceDoesNotExist/></failureDetails>", CmsNotFoundException.class, FailureReason.CO_SPACE_DOES_NOT_EXIST),
        Arguments.of(400, "<failureDetails><unrecognisedObject/></failureDetails>", CmsNotFoundException.class, FailureReason.UNRECOGNIZED_OBJECT),
        Arguments.of(400, "<failureDetails><unrecognizedObject/></failureDetails>", CmsNotFoundException.class, FailureReason.UNRECOGNIZED_OBJECT),
        Arguments.of(400, "<failureDetails><duplicateCoSpaceUri /></failureDetails>", CmsDuplicateException.class, FailureReason.DUPLICATE_CO_SPACE_URI),
        Arguments.of(400, "<failureDetails><ivrUriConflict/></failureDetails>", CmsDuplicateException.class, FailureReason.IVR_URI_CONFLICT),
        Arguments.of(400, "<failureDetails><parameterError/></failureDetails>", CmsServiceException.class, FailureReason.PARAMETER_ERROR),
        Arguments.of(400, "<failureDetails><tooManyLdapSyncs/></failureDetails>", CmsServiceException.class, FailureReason.TOO_MANY_LDAP_SYNCS),
        Arguments.of(400, "<failureDetails><reasonFromTheFuture/></failureDetails>", CmsServiceException.class, FailureReason.UNKNOWN),
        Arguments.of(404, "", CmsNotFoundException.class, null),
        Arguments.of(401, "<html>denied</html>", CmsAuthenticationException.class, null),
        Arguments.of(403, "", CmsAuthenticationException.class, null),
        Arguments.of(503, "", CmsBusyException.class, null),
        Arguments.of(500, "not xml <", CmsServiceException.class, null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("failures")
  void update_errorReply_mapsToTypedException(
      int status, String body, Class<? extends CmsServiceException> type, FailureReason reason) {
    server.enqueue(MockCms.status(status, body));

    CmsServiceException e = assertThrows(CmsServiceException.class,
        () -> cms.coSpaces().update("cs1", Form.builder().set(CmsFields.NAME, "x").build()));

    assertEquals(type, e.getClass());
    assertEquals(status, e.status());
    assertEquals(reason, e.findFailureReason().orElse(null));
    assertEquals("PUT", e.request().method());
    assertEquals("/api/v1/coSpaces/cs1", e.request().path());
    assertTrue(e.getMessage().startsWith("PUT /api/v1/coSpaces/cs1 was refused with HTTP " + status), e.getMessage());
  }

  @Test
  void unknownReason_keepsRawString() {
    server.enqueue(MockCms.status(400, "<failureDetails><reasonFromTheFuture/></failureDetails>"));

    CmsServiceException e = assertThrows(CmsServiceException.class, () -> cms.tenants().delete("t1"));

    assertEquals("reasonFromTheFuture", e.rawFailureReason());
    assertTrue(e.getMessage().contains("reasonFromTheFuture"));
  }

  @Test
  void authentication_messageNamesUserButNotPassword() {
    server.enqueue(MockCms.status(401, ""));

    CmsAuthenticationException e = assertThrows(CmsAuthenticationException.class, () -> cms.coSpaces().get("x"));

    assertTrue(e.getMessage().contains("apiuser"), e.getMessage());
    assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret-pw"));
    assertFalse(cms.toString().contains("s3cret-pw"));
  }

  @Test
  void find_notFound_returnsEmpty() {
    server.enqueue(MockCms.status(404, ""));

    assertTrue(cms.calls().find("gone").isEmpty());
  }

  @Test
  void get_malformedXml_parseExceptionWithLocation() {
    server.enqueue(MockCms.xml("<coSpaces total=\"1\">\n<coSpace id=\"a\"><name>x</nam></coSpace></coSpaces>"));

    CmsParseException e = assertThrows(CmsParseException.class, () -> cms.coSpaces().page(0, 10, ListOptions.none()));

    assertFalse(e.isWellFormed());
    assertEquals(2, e.line());
    assertTrue(e.column() > 0);
    assertEquals("coSpaces/coSpace/name", e.elementPath());
    assertEquals("GET", e.request().method());
  }

  @Test
  void get_wrongRootElement_wellFormedParseException() {
    server.enqueue(MockCms.xml("<html><body>login</body></html>"));

    CmsParseException e = assertThrows(CmsParseException.class, () -> cms.coSpaces().list().iterator().hasNext());

    assertTrue(e.isWellFormed());
    assertTrue(e.getMessage().contains("<coSpaces>"), e.getMessage());
  }

  @Test
  void get_redirect_isServiceErrorNotFollowed() {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/accounts/login/").build());

    CmsServiceException e = assertThrows(CmsServiceException.class, () -> cms.users().get("u"));

    assertEquals(302, e.status());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void get_connectionRefused_connectionException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (CmsClient closedPort = CmsClient.builder().baseUrl("http://127.0.0.1:" + port)
        .credentials("a", "b").retryPolicy(RetryPolicy.none()).build()) {
      CmsConnectionException e = assertThrows(CmsConnectionException.class, () -> closedPort.calls().get("c"));

      assertInstanceOf(IOException.class, e.getCause());
      assertTrue(e.getMessage().contains("GET /api/v1/calls/c could not be sent"), e.getMessage());
    }
  }

  @Test
  void get_noReplyWithinReadTimeout_timeoutException() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    try (CmsClient slow = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("a", "b")
        .readTimeout(Duration.ofMillis(150)).retryPolicy(RetryPolicy.none()).build()) {
      CmsTimeoutException e = assertThrows(CmsTimeoutException.class, () -> slow.calls().get("c"));

      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }
  }
}
