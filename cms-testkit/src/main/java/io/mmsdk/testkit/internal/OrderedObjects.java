package io.mmsdk.testkit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. Objects in insertion order with lookup by id, size in O(1) and the object at a position
 * in O(log n), so that a page of a large collection costs the page, not the collection. Replacing
 * an object keeps its position, as {@link java.util.LinkedHashMap#put} does. Removal leaves a hole
 * that a Fenwick tree over the slots skips; holes are compacted away once they outnumber the
 * objects. Not thread-safe.
 */
final class OrderedObjects {
  private final Map<String, Integer> slotById = new HashMap<>();
  private StoredObject[] slots = new StoredObject[16];
  /** Fenwick tree (1-based) over the slots: 1 for a slot holding an object, 0 for a hole. */
  private int[] tree = new int[17];
  private int used;
  private int live;

  /** Returns how many objects there are. */
  int size() {
    return live;
  }

  boolean isEmpty() {
    return live == 0;
  }

  StoredObject get(String id) {
    Integer slot = slotById.get(id);
    return slot == null ? null : slots[slot];
  }

  /** Adds {@code o} at the end, or replaces the object with its id in place. */
  void put(StoredObject o) {
    Integer slot = slotById.get(o.id);
    if (slot != null) {
      slots[slot] = o;
      return;
    }
    if (used == slots.length) {
      slots = Arrays.copyOf(slots, used * 2);
      tree = Arrays.copyOf(tree, used * 2 + 1);
    }
    slots[used] = o;
    slotById.put(o.id, used);
    used++;
    // The new node covers (p - lowbit(p), p]: itself plus the nodes that decompose the rest.
    int p = used;
    int sum = 1;
    for (int j = p - 1, stop = p - (p & -p); j > stop; j -= j & -j) {
      sum += tree[j];
    }
    tree[p] = sum;
    live++;
  }

  /** Removes the object with {@code id}; returns it, or null if there was none. */
  StoredObject remove(String id) {
    Integer slot = slotById.remove(id);
    if (slot == null) {
      return null;
    }
    StoredObject o = slots[slot];
    slots[slot] = null;
    live--;
    for (int p = slot + 1; p <= used; p += p & -p) {
      tree[p]--;
    }
    if (used - live > 64 && used - live > live) {
      compact();
    }
    return o;
  }

  /** Returns up to {@code limit} objects from position {@code offset} on, in order. */
  List<StoredObject> page(int offset, int limit) {
    if (offset >= live || limit <= 0) {
      return List.of();
    }
    List<StoredObject> out = new ArrayList<>(Math.min(limit, live - offset));
    for (int s = slotAt(offset); s < used && out.size() < limit; s++) {
      if (slots[s] != null) {
        out.add(slots[s]);
      }
    }
    return out;
  }

  /** Returns every object, in order. */
  List<StoredObject> all() {
    return page(0, live);
  }

  /** Returns the slot of the object at position {@code rank} (0-based, less than size). */
  private int slotAt(int rank) {
    int pos = 0;
    int remaining = rank + 1;
    for (int step = Integer.highestOneBit(used); step > 0; step >>= 1) {
      int next = pos + step;
      if (next <= used && tree[next] < remaining) {
        pos = next;
        remaining -= tree[next];
      }
    }
    return pos; // the 1-based node pos + 1 is the slot pos
  }

  private void compact() {
    StoredObject[] kept = new StoredObject[Math.max(16, Integer.highestOneBit(live) * 2)];
    int n = 0;
    for (int s = 0; s < used; s++) {
      if (slots[s] != null) {
        kept[n] = slots[s];
        slotById.put(slots[s].id, n);
        n++;
      }
    }
    slots = kept;
    used = n;
    tree = new int[kept.length + 1];
    for (int p = 1; p <= n; p++) {
      tree[p]++;
      int parent = p + (p & -p);
      if (parent <= n) {
        tree[parent] += tree[p];
      }
    }
  }
}
