package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.ClusterOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paging over the wire on a cluster with more objects than a few pages: order, offsets, filters. */
class ListingAtScaleTest {
  private static final Pattern ID = Pattern.compile("<coSpace id=\"([0-9a-f-]{36})\"");
  private final SimulatedCluster cms =
      SimulatedCluster.start(ClusterOptions.builder().defaultPageLimit(10).build());
  private final Http api = new Http(cms, 0);

  @AfterEach
  void stop() {
    cms.close();
  }

  @Test
  void pagesAtCap_coverEverySpaceOnceInCreationOrder_afterDeletes() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      expected.add(api.post("coSpaces", "name", "Team " + i, "uri", "team." + i).idFromLocation());
    }
    for (int i = expected.size() - 1; i >= 0; i -= 7) {
      assertEquals(200, api.delete("coSpaces/" + expected.remove(i)).code());
    }
    List<String> listed = new ArrayList<>();
    for (int offset = 0; offset < expected.size(); offset += 10) {
      Http.Reply page = api.get("coSpaces?offset=" + offset + "&limit=100");
      assertEquals(String.valueOf(expected.size()), page.total());
      assertEquals(Math.min(10, expected.size() - offset), page.count("coSpace"), "capped at 10");
      listed.addAll(ids(page));
    }
    assertEquals(expected, listed);
    assertTrue(api.get("coSpaces?offset=" + expected.size()).body()
        .endsWith("<coSpaces total=\"" + expected.size() + "\"/>"));
    assertEquals(expected.subList(1_000, 1_003), ids(api.get("coSpaces?offset=1000&limit=3")));
  }

  @Test
  void filteredPages_totalCountsAllMatchesAndOffsetsIntoThem() {
    List<String> nines = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      String id = api.post("coSpaces", "name", "Team " + i, "uri", "team." + i).idFromLocation();
      if (String.valueOf(i).contains("9")) {
        nines.add(id);
      }
    }
    assertEquals(String.valueOf(nines.size()), api.get("coSpaces?filter=9").total());
    List<String> listed = new ArrayList<>();
    for (int offset = 0; offset < nines.size(); offset += 10) {
      listed.addAll(ids(api.get("coSpaces?filter=9&offset=" + offset)));
    }
    assertEquals(nines, listed);
    assertEquals("1", api.get("coSpaces?uriFilter=TEAM.999").total());
    assertEquals(400, api.get("coSpaces?filter=9&offset=-1").code());
  }

  @Test
  void pagesWhileAnotherClientCreates_listAPrefixOfTheFinalOrderWithoutRepeats() throws Exception {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      order.add(api.post("coSpaces", "name", "Team " + i).idFromLocation());
    }
    List<String> created = new ArrayList<>();
    Thread creator = new Thread(() -> {
      Http other = new Http(cms, 0);
      for (int i = 0; i < 300; i++) {
        created.add(other.post("coSpaces", "name", "Late " + i).idFromLocation());
      }
    });
    creator.start();
    List<String> listed = new ArrayList<>();
    Http.Reply page;
    do {
      page = api.get("coSpaces?offset=" + listed.size());
      listed.addAll(ids(page));
    } while (listed.size() < Integer.parseInt(page.total()));
    creator.join();
    order.addAll(created);
    assertTrue(listed.size() >= 500, "every space created before the listing is listed");
    assertEquals(order.subList(0, listed.size()), listed);
  }

  @Test
  void offsetsAtAndPastTheEnd_giveEmptyPagesWithTheTotal_withAndWithoutFilters() {
    for (int i = 0; i < 25; i++) {
      api.post("coSpaces", "name", "Team " + i);
    }
    assertTrue(api.get("coSpaces?offset=25").body().endsWith("<coSpaces total=\"25\"/>"));
    assertTrue(api.get("coSpaces?offset=1000000&limit=5").body()
        .endsWith("<coSpaces total=\"25\"/>"));
    // "Team 1" and "Team 10" ... "Team 19": 11 matches.
    assertEquals(1, api.get("coSpaces?filter=team%201&offset=10").count("coSpace"));
    assertTrue(api.get("coSpaces?filter=team%201&offset=11").body()
        .endsWith("<coSpaces total=\"11\"/>"));
    assertTrue(api.get("coSpaces?filter=nothing&offset=3").body()
        .endsWith("<coSpaces total=\"0\"/>"));
    assertEquals("25", api.get("coSpaces/").total(), "a trailing slash names the same collection");
  }

  private static List<String> ids(Http.Reply page) {
    List<String> out = new ArrayList<>();
    Matcher m = ID.matcher(page.body());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
