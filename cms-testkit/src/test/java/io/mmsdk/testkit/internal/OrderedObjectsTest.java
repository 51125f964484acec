package io.mmsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderedObjectsTest {

  @Test
  void randomPutsReplacesAndRemoves_matchLinkedHashMapOrderAndPages() {
    Random random = new Random(19);
    OrderedObjects objects = new OrderedObjects();
    LinkedHashMap<String, StoredObject> model = new LinkedHashMap<>();
    int next = 0;
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(10);
      if (op < 6 || model.isEmpty()) {
        StoredObject o = new StoredObject("o" + next++, null);
        objects.put(o);
        model.put(o.id, o);
      } else if (op < 7) {
        String id = nth(model, random.nextInt(model.size()));
        StoredObject replacement = new StoredObject(id, null);
        objects.put(replacement);
        model.put(id, replacement);
      } else {
        String id = nth(model, random.nextInt(model.size()));
        assertSame(model.remove(id), objects.remove(id));
      }
      if (step % 997 == 0) {
        assertSameOrder(model, objects, random);
      }
    }
    // Remove most of them, so that holes are compacted away, then check again.
    for (String id : new ArrayList<>(model.keySet())) {
      if (random.nextInt(10) < 9) {
        assertSame(model.remove(id), objects.remove(id));
      }
    }
    assertSameOrder(model, objects, random);
    assertNull(objects.remove("absent"));
  }

  @Test
  void page_pastTheEndOrZeroLimit_isEmpty() {
    OrderedObjects objects = new OrderedObjects();
    objects.put(new StoredObject("a", null));
    assertEquals(List.of(), objects.page(1, 10));
    assertEquals(List.of(), objects.page(0, 0));
    assertEquals(1, objects.page(0, 10).size());
  }

  private static void assertSameOrder(LinkedHashMap<String, StoredObject> model,
      OrderedObjects objects, Random random) {
    List<StoredObject> expected = new ArrayList<>(model.values());
    assertEquals(expected.size(), objects.size());
    assertEquals(expected, objects.all());
    for (int k = 0; k < 20 && !expected.isEmpty(); k++) {
      int offset = random.nextInt(expected.size() + 5);
      int limit = 1 + random.nextInt(25);
      List<StoredObject> want = offset >= expected.size() ? List.of()
          : expected.subList(offset, Math.min(expected.size(), offset + limit));
      assertEquals(want, objects.page(offset, limit), "offset " + offset + " limit " + limit);
    }
    for (StoredObject o : expected) {
      assertSame(o, objects.get(o.id));
    }
  }

  private static String nth(LinkedHashMap<String, StoredObject> model, int n) {
    int i = 0;
    for (String id : model.keySet()) {
      if (i++ == n) {
        return id;
      }
    }
    throw new IllegalArgumentException("n " + n);
  }
}
