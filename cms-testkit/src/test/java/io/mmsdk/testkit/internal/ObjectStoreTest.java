package io.mmsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  void filteredPages_followEveryChangeBetweenPages() {
    List<StoredObject> sevens = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      StoredObject o = space(i);
      if (String.valueOf(i).contains("7")) {
        sevens.add(o);
      }
    }
    Map<String, String> seven = Map.of("filter", "7");
    assertEquals(sevens.subList(0, 10), store.page(spaces, null, seven, 0, 10).objects());
    assertEquals(sevens.subList(10, 20), store.page(spaces, null, seven, 10, 10).objects());

    StoredObject added = store.create(spaces, null, Map.of("name", "Added 7"));
    sevens.add(added);
    store.modify(spaces, sevens.get(25), Map.of("name", "x", "uri", "renamed", "callId", ""));
    sevens.remove(25);
    store.delete(spaces, sevens.remove(30));
    ObjectStore.Page after = store.page(spaces, null, seven, 20, 20);
    assertEquals(sevens.size(), after.total());
    assertEquals(sevens.subList(20, 40), after.objects());
    assertEquals(List.of(added), store.page(spaces, null, seven, sevens.size() - 1, 10).objects());
    assertEquals(List.of(), store.page(spaces, null, seven, sevens.size(), 10).objects());
    assertEquals(sevens.size(), store.page(spaces, null, seven, 5_000, 10).total());

    List<StoredObject> eights = store.all("coSpaces", null).stream()
        .filter(o -> (o.getOrEmpty("name") + " " + o.getOrEmpty("uri") + " "
            + o.getOrEmpty("callId")).contains("8")).toList();
    assertEquals(eights, store.page(spaces, null, Map.of("filter", "8"), 0, 2_000).objects(),
        "another filter is not answered from the last one's matches");
    CollectionSpec methods = specs.get("accessMethods");
    StoredObject a = store.create(methods, sevens.get(0).id, Map.of("uri", "am.a", "name", "m"));
    StoredObject b = store.create(methods, sevens.get(1).id, Map.of("uri", "am.b", "name", "m"));
    assertEquals(List.of(a), store.page(methods, sevens.get(0).id, Map.of("filter", "m"), 0, 10)
        .objects());
    assertEquals(List.of(b), store.page(methods, sevens.get(1).id, Map.of("filter", "m"), 0, 10)
        .objects(), "another parent is not answered from the last one's matches");
  }

  @Test
  void appendListed_writesTheListFieldsEscapedAndSelfClosesWithoutAny() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "A & <B> \"C\"");
    fields.put("passcode", "1234");
    fields.put("uri", "a.b");
    fields.put("callLegProfile",
        store.create(specs.get("callLegProfiles"), null, Map.of("name", "p")).id);
    StoredObject o = store.create(spaces, null, fields);
    StringBuilder out = new StringBuilder();
    ObjectStore.appendListed(out, spaces, o);
    assertEquals("<coSpace id=\"" + o.id + "\"><autoGenerated>false</autoGenerated>"
        + "<name>A &amp; &lt;B&gt; &quot;C&quot;</name><uri>a.b</uri></coSpace>", out.toString());
    assertTrue(store.view(spaces, o).containsKey("passcode"), "the object's own GET shows more");

    StoredObject bare = store.create(specs.get("ldapServers"), null,
        Map.of("address", "ldap", "portNumber", "389", "password", "s3cret"));
    store.modify(specs.get("ldapServers"), bare, Map.of("address", "", "portNumber", "",
        "secure", ""));
    out.setLength(0);
    ObjectStore.appendListed(out, specs.get("ldapServers"), bare);
    assertEquals("<ldapServer id=\"" + bare.id + "\"/>", out.toString(),
        "the write-only password is never listed");
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
    assertEquals("1", store.view(spaces, s).get("numAccessMethods"));
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
