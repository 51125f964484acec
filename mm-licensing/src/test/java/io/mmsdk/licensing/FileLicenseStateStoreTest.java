package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLicenseStateStoreTest {
  @TempDir Path dir;

  @Test
  void load_nothingSaved_returnsInitial() {
    assertEquals(LicenseState.INITIAL, LicenseStateStore.file(dir).load());
  }

  @Test
  void save_thenLoad_roundTripsEverything() {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    LicenseState s = new LicenseState(
        LicensingMode.NO_LICENSING,
        Allocations.builder().allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 25)
            .customizationLicense(true).customizationEnabled(true).build(),
        List.of(new TrialRecord(Feature.MEETINGS, t, Set.of("c 1", "c,2=x.y"))),
        Map.of(Feature.CUSTOMIZATION, Set.of("old.cluster")),
        Map.of("c,2=x.y", Map.of(Feature.MEETINGS, t, Feature.CUSTOMIZATION, t.plusSeconds(5))));
    try (LicenseStateStore store = LicenseStateStore.file(dir)) {
      store.save(s);
    }
    LicenseState back;
    try (LicenseStateStore store = LicenseStateStore.file(dir)) {
      back = store.load();
    }
    assertEquals(s, back);
    assertEquals(false, back.allocations().findAllocated(AllocationType.RECORDING_OR_STREAMING)
        .isPresent());
  }

  @Test
  void load_damagedFile_failsWithAdvice() throws IOException {
    Files.writeString(dir.resolve("license-state.properties"), "mode=SIDEWAYS\n");
    LicenseStoreException e =
        assertThrows(LicenseStoreException.class, () -> LicenseStateStore.file(dir).load());
    assertEquals(true, e.getMessage().contains("delete it to start over"), e.getMessage());
  }
}
