package io.mmsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {
  private final Map<String, CollectionSpec> specs = Rules.build(4);
  private final ObjectStore store = new ObjectStore(specs, null, 0);
  private final CollectionSpec spaces = specs.get("coSpaces");

  private StoredObject space(int i) {
    return store.create(spaces, null, Map.of("name", "Team " + i, "uri", "team." + i,
        "callId", String.valueOf(100_000 + i)));
  }

  @Test
  void pages_atScale_followInsertionOrderAfterDeletesAndReplaces() {
    List<StoredObject> expected = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      expected.add(space(i));
    }
    for (int i = expected.size() - 1; i >= 0; i -= 3) {
      store.delete(spaces, expected.remove(i));
    }
    StoredObject replaced = expected.get(500);
    StoredObject replacement = store.put("coSpaces", null, replaced.id, Map.of("name", "LDAP"));
    expected.set(500, replacement);
    for (int offset : new int[] {0, 1, 499, 500, 9_999, expected.size() - 3, expected.size()}) {
      ObjectStore.Page page = store.page(spaces, null, Map.of(), offset, 10);
      assertEquals(expected.size(), page.total());
      assertEquals(expected.subList(Math.min(offset, expected.size()),
          Math.min(expected.size(), offset + 10)), page.objects(), "offset " + offset);
    }
  }

  @Test
  void filteredPage_countsEveryMatchAndReturnsTheSliceInOrder() {
    List<StoredObject> sevens = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      StoredObject o = space(i);
      if (String.valueOf(i).contains("7")) {
        sevens.add(o);
      }
    }
    ObjectStore.Page page = store.page(spaces, null, Map.of("filter", "TEAM.7"), 0, 1_000);
    List<StoredObject> teamDotSeven = sevens.stream()
        .filter(o -> o.get("uri").startsWith("team.7")).toList();
    assertEquals(teamDotSeven.size(), page.total());
    assertEquals(teamDotSeven, page.objects());
    ObjectStore.Page slice = store.page(spaces, null, Map.of("filter", "7"), 100, 10);
    assertEquals(sevens.size(), slice.total());
    assertEquals(sevens.subList(100, 110), slice.objects());
    ObjectStore.Page exact = store.page(spaces, null, Map.of("callIdFilter", "104321"), 0, 10);
    assertEquals(1, exact.total());
    assertEquals("team.4321", exact.objects().get(0).get("uri"));
  }

  @Test
  void uniqueness_followsModifyAndDelete() {
    StoredObject a = space(1);
    StoredObject b = space(2);
    assertThrows(ApiFailure.class, () -> space(1));
    assertThrows(ApiFailure.class,
        () -> store.modify(spaces, b, Map.of("uri", "TEAM.1")), "case-insensitive");
    store.modify(spaces, a, Map.of("uri", "renamed"));
    store.modify(spaces, b, Map.of("uri", "team.1")); // free again
    assertThrows(ApiFailure.class,
        () -> store.modify(spaces, b, Map.of("secondaryUri", "Renamed")), "one pool for both");
    store.delete(spaces, a);
    assertNull(store.clash("uri", "renamed", null));
    assertEquals("duplicateCoSpaceUri", store.clash("uri", "team.1", null));
    assertNull(store.clash("uri", "team.1", b.id));
  }

  @Test
  void usageFilter_andChildCounts_followReferencesAndChildren() {
    CollectionSpec profiles = specs.get("callLegProfiles");
    StoredObject used = store.create(profiles, null, Map.of("name", "used"));
    StoredObject unused = store.create(profiles, null, Map.of("name", "unused"));
    StoredObject s = space(1);
    store.modify(spaces, s, Map.of("callLegProfile", used.id));
    assertEquals(List.of(used),
        store.page(profiles, null, Map.of("usageFilter", "referenced"), 0, 10).objects());
    assertEquals(List.of(unused),
        store.page(profiles, null, Map.of("usageFilter", "unreferenced"), 0, 10).objects());
    store.modify(spaces, s, Map.of("callLegProfile", ""));
    assertEquals(2, store.page(profiles, null, Map.of("usageFilter", "unreferenced"), 0, 10)
        .total());

    CollectionSpec methods = specs.get("accessMethods");
    StoredObject m = store.create(methods, s.id, Map.of("uri", "am.1"));
    store.create(methods, space(2).id, Map.of("uri", "am.2"));
    assertEquals("1", store.view(spaces, s, false).get("numAccessMethods"));
    assertEquals(List.of(m), store.page(methods, s.id, Map.of(), 0, 10).objects());
    store.delete(spaces, s);
    assertNull(store.find("accessMethods", m.id));
    assertNull(store.clash("uri", "am.1", null), "a deleted child frees its URI");
  }

  @Test
  void findUserByJid_ignoresCaseAndFollowsReplacement() {
    StoredObject u = store.put("users", null, "u1", Map.of("userJid", "Ada@Example.com"));
    assertSame(u, store.findUserByJid("ada@example.COM"));
    store.put("users", null, "u1", Map.of("userJid", "grace@example.com"));
    assertNull(store.findUserByJid("ada@example.com"));
    assertEquals("u1", store.findUserByJid("GRACE@example.com").id);
  }
}
