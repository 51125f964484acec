package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.ListOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hostile replies: every one ends in a typed SDK exception, in bounded time and memory. */
class ReplyLimitsTest extends MockCms {
  @Test
  void get_controlCharacterInText_parseException() {
    // Aalto (on this test classpath, as mm-cdr puts it on applications') reports this from getText()
    // as an unchecked exception; the JDK reader as XMLStreamException.
    server.enqueue(MockCms.xml("<coSpace id=\"a\"><name>Sa\u0001les</name></coSpace>"));

    CmsParseException e = assertThrows(CmsParseException.class, () -> cms.coSpaces().get("a"));

    assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
  }

  @Test
  void get_deepNesting_parseExceptionWithPathLineAndColumn() {
    server.enqueue(MockCms.xml("<coSpace id=\"a\">\n" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</coSpace>"));

    CmsParseException e = assertThrows(CmsParseException.class, () -> cms.coSpaces().get("a"));

    assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
    assertTrue(e.elementPath().startsWith("coSpace/x/x/"), e.elementPath());
    assertEquals(2, e.line());
    assertTrue(e.column() > 0);
  }

  @Test
  void get_replyOverDefaultLimit_typedErrorNamingLimitAndBuilderOption() {
    server.enqueue(MockCms.xml("<coSpace id=\"a\"><name>" + "x".repeat(8 << 20) + "</name></coSpace>"));

    CmsReplyTooLargeException e = assertThrows(CmsReplyTooLargeException.class, () -> cms.coSpaces().get("a"));

    assertEquals(CmsClient.Builder.DEFAULT_MAX_REPLY_SIZE, e.limit());
    assertTrue(e.getMessage().contains("4194304 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("maxReplySize"), e.getMessage());
  }

  @Test
  void get_replyOverConfiguredLimitWithoutContentLength_typedError() throws Exception {
    String page = "<coSpaces total=\"1\"><coSpace id=\"a\"><name>" + "x".repeat(2000) + "</name></coSpace></coSpaces>";
    server.enqueue(MockCms.xml(page).newBuilder().removeHeader("Content-Length").chunkedBody(page, 100).build());
    server.enqueue(MockCms.xml(page));
    try (CmsClient small = limited(1000)) {
      CmsReplyTooLargeException chunked = assertThrows(CmsReplyTooLargeException.class, () -> small.coSpaces().page(0, 10, ListOptions.builder().build()));
      CmsReplyTooLargeException declared = assertThrows(CmsReplyTooLargeException.class, () -> small.coSpaces().page(0, 10, ListOptions.builder().build()));

      assertEquals(1000, chunked.limit());
      assertTrue(chunked.getMessage().contains("larger than the limit of 1000 bytes"), chunked.getMessage());
      assertTrue(declared.getMessage().contains("declares " + page.length() + " bytes"), declared.getMessage());
      assertEquals("/api/v1/coSpaces?offset=0&limit=10", server.takeRequest().getTarget());
    }
  }

  @Test
  void get_replyAtConfiguredLimit_read() {
    String object = "<coSpace id=\"a\"><name>Sales</name></coSpace>";
    server.enqueue(MockCms.xml(object));
    try (CmsClient exact = limited(object.length())) {
      assertEquals("Sales", exact.coSpaces().get("a").find(CmsFields.NAME).orElseThrow());
    }
  }

  @Test
  void delete_hugeErrorBody_statusAndReasonKept() {
    server.enqueue(MockCms.status(400, "<failureDetails><coSpaceDoesNotExist/></failureDetails><!--"
        + "x".repeat(8 << 20) + "-->"));

    CmsServiceException e = assertThrows(CmsServiceException.class, () -> cms.coSpaces().delete("a"));

    assertEquals(400, e.status());
    assertEquals(null, e.rawFailureReason(), "the body is cut at 64 KiB, so it is no longer well-formed");
  }

  @Test
  void get_replyDrippingOneBytePerSecond_timesOutAtCallDeadline() throws Exception {
    server.enqueue(MockCms.xml("<coSpace id=\"a\"><name>" + "x".repeat(10_000) + "</name></coSpace>")
        .newBuilder().throttleBody(1, 1, TimeUnit.SECONDS).build());
    try (CmsClient deadline = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("apiuser", "pw")
        .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofMillis(500)).build()) {
      CmsTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(CmsTimeoutException.class, () -> deadline.coSpaces().get("a")));

      assertTrue(e.getMessage().contains("PT0.5S") && e.getMessage().contains("callTimeout"), e.getMessage());
    }
  }

  @Test
  void builder_nonPositiveLimits_rejected() {
    CmsClient.Builder builder = CmsClient.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.maxReplySize(0));
    assertThrows(IllegalArgumentException.class, () -> builder.callTimeout(Duration.ZERO));
  }

  private CmsClient limited(long bytes) {
    return CmsClient.builder().baseUrl(server.url("/").toString()).credentials("apiuser", "pw")
        .retryPolicy(RetryPolicy.none()).maxReplySize(bytes).build();
  }
}
