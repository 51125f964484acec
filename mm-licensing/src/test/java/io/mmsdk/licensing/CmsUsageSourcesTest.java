package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.core.cluster.CallBridge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmsUsageSourcesTest {

  @Test
  void apply_reusesClientPerBridge_rebuildsWhenRegistrationChanges() {
    List<CallBridge> built = new ArrayList<>();
    CallBridge b1 = CallBridge.builder().id("b1").name("cb1").address("127.0.0.1:1")
        .credentials("admin", "pw").build();
    try (CmsUsageSources sources = CmsUsageSources.create(b -> {
      built.add(b);
      return CmsClient.builder().baseUrl("http://" + b.address().authority())
          .credentials("admin", "pw").build();
    })) {
      UsageSource first = sources.apply(b1);
      sources.apply(b1);
      assertEquals(1, built.size());
      assertTrue(first.toString().contains("127.0.0.1:1"), first.toString());
      CallBridge moved = b1.toBuilder().address("127.0.0.1:2").build();
      assertTrue(sources.apply(moved).toString().contains("127.0.0.1:2"));
      assertEquals(2, built.size());
      sources.close();
      sources.apply(moved);
      assertEquals(3, built.size());
    }
  }
}
