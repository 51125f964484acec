package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.core.Page;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging against a server whose own page cap is smaller than the requested limit. */
class PagingTest extends MockCms {
  private static final int TOTAL = 7;
  private static final int SERVER_CAP = 3;

  @BeforeEach
  void capPages() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        int offset = Integer.parseInt(url.queryParameter("offset"));
        int limit = Integer.parseInt(url.queryParameter("limit"));
        int end = Math.min(TOTAL, offset + Math.min(limit, SERVER_CAP));
        String items = IntStream.range(Math.min(offset, TOTAL), end)
            .mapToObj(i -> "<coSpace id=\"cs-" + i + "\"><name>Space " + i + "</name></coSpace>")
            .collect(Collectors.joining());
        return MockCms.xml("<coSpaces total=\"" + TOTAL + "\">" + items + "</coSpaces>");
      }
    });
  }

  @Test
  void list_serverCapSmallerThanLimit_advancesByItemsReceived() throws Exception {
    ListOptions options = ListOptions.builder().pageSize(10).filter("Space").build();

    List<String> ids = cms.coSpaces().list(options).stream().map(CmsObject::id).toList();

    assertEquals(IntStream.range(0, TOTAL).mapToObj(i -> "cs-" + i).toList(), ids);
    assertEquals(3, server.getRequestCount());
    for (String offset : List.of("0", "3", "6")) {
      HttpUrl url = server.takeRequest().getUrl();
      assertEquals(offset, url.queryParameter("offset"));
      assertEquals("10", url.queryParameter("limit"));
      assertEquals("Space", url.queryParameter("filter"));
    }
  }

  @Test
  void list_lazy_fetchesOnlyPagesConsumed() {
    List<CmsObject> firstTwo = cms.coSpaces().list().stream().limit(2).toList();

    assertEquals(2, firstTwo.size());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void count_usesLimitOne() throws Exception {
    long total = cms.coSpaces().count(ListOptions.none());

    assertEquals(TOTAL, total);
    assertEquals("1", server.takeRequest().getUrl().queryParameter("limit"));
  }

  @Test
  void page_offsetBeyondTotal_isEmptyWithoutMore() {
    Page page = cms.coSpaces().page(20, 10, ListOptions.none());

    assertEquals(0, page.items().size());
    assertEquals(TOTAL, page.total());
    assertFalse(page.hasMore());
  }

  @Test
  void list_emptyCollection_selfClosedRoot() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return MockCms.xml("<callBridges total=\"0\"/>");
      }
    });

    assertEquals(0, cms.callBridges().list().stream().count());
    assertEquals(1, server.getRequestCount());
  }
}
