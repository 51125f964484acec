package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ClusterIndexTest {
  @Test
  void get_sameIdInTwoClusters_keptApart() {
    ClusterIndex<String> index = new ClusterIndex<>();
    index.put("london", "call1", "a");
    index.put("paris", "call1", "b");
    assertEquals("a", index.get("london", "call1"));
    assertEquals("b", index.get("paris", "call1"));
    assertNull(index.get("berlin", "call1"));
    index.remove("london", "call1");
    assertNull(index.get("london", "call1"));
    assertEquals("b", index.get("paris", "call1"));
  }

  @Test
  void remove_withValue_onlyWhenItIsIndexed() {
    ClusterIndex<String> index = new ClusterIndex<>();
    index.put("london", "space1", "a");
    index.remove("london", "space1", "other");
    assertEquals("a", index.get("london", "space1"));
    index.remove("london", "space1", "a");
    assertNull(index.get("london", "space1"));
  }

  @Test
  void replaceValueAndRemoveValue_everyEntryOfTheValue() {
    ClusterIndex<String> index = new ClusterIndex<>();
    index.put("london", "rec1", "from");
    index.put("london", "rec2", "from");
    index.put("london", "rec3", "kept");
    index.replaceValue("london", "from", "to");
    assertEquals("to", index.get("london", "rec1"));
    assertEquals("to", index.get("london", "rec2"));
    index.removeValue("london", "to");
    assertNull(index.get("london", "rec1"));
    assertNull(index.get("london", "rec2"));
    assertEquals("kept", index.get("london", "rec3"));
  }
}
