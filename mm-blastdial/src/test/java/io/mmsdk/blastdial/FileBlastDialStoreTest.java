package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlastDialStoreTest {
  @TempDir Path dir;
  private FileBlastDialStore open;

  /** Opens the store, closing the previous instance first (a restart). */
  private FileBlastDialStore reopen() {
    if (open != null) {
      open.close();
    }
    open = FileBlastDialStore.open(dir);
    return open;
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    if (open != null) {
      open.close();
    }
  }

  @Test
  void monitoring_freshStore_isPrimaryThenSavedValueSurvivesReopen() {
    assertEquals(MonitoringSettings.primary(), reopen().monitoring());
    reopen().saveMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(45)));
    assertEquals(MonitoringSettings.secondary(Duration.ofSeconds(45)),
        reopen().monitoring());
  }

  @Test
  void saveSpace_reopened_sameConfigAndContacts() {
    SpaceKey key = SpaceKey.of("clu/ster 1", "spä ce");
    SpaceSetup setup = new SpaceSetup(key,
        BlastDialConfig.builder().enabled(true).retries(7).retryDelay(Duration.ofSeconds(90))
            .audioPrompt(AudioPromptMode.NEVER).build(),
        List.of(new Contact("c1", "Doe, Jane = \"x\"", "jane@example.com", true),
            new Contact("c2", "Zoë", "5551234", false)));
    reopen().saveSpace(setup);

    assertEquals(setup, reopen().findSpace(key).orElseThrow());
    assertTrue(reopen().findSpace(SpaceKey.of("other", "x")).isEmpty());
  }

  @Test
  void saveRun_reopenedAndDeleted_roundTripsThenGone() {
    Contact c = new Contact("c1", "Bob", "bob@example.com", true);
    BlastStatus run = new BlastStatus(SpaceKey.of("a", "s"), "call-9",
        Instant.parse("2026-11-24T09:00:00Z"), BlastStatus.Phase.DIALING,
        List.of(new ContactStatus(c, ContactState.WAITING_RETRY, 2,
                Instant.parse("2026-11-24T09:03:00Z"), null, "remoteBusy"),
            new ContactStatus(c, ContactState.DIALING, 1, null, "leg-1", null)));
    reopen().saveRun(run);

    assertEquals(List.of(run), reopen().runs());
    reopen().deleteRun("a", "call-9");
    assertEquals(List.of(), reopen().runs());
  }

  @Test
  void saveSpace_leavesNoTemporaryFiles() throws Exception {
    FileBlastDialStore store = reopen();
    store.saveSpace(new SpaceSetup(SpaceKey.of("a", "s"), BlastDialConfig.disabled(), List.of()));
    store.saveSpace(new SpaceSetup(SpaceKey.of("a", "s"), BlastDialConfig.disabled(), List.of()));
    try (var files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
    }
  }

  @Test
  void findSpace_malformedValue_failsWithFileNameAndFix() throws Exception {
    FileBlastDialStore store = reopen();
    SpaceKey key = SpaceKey.of("a", "s");
    store.saveSpace(new SpaceSetup(key, BlastDialConfig.disabled(), List.of()));
    try (var files = Files.list(dir.resolve("spaces"))) {
      Path f = files.findFirst().orElseThrow();
      Files.writeString(f, Files.readString(f).replace("retries=3", "retries=three"));
    }
    BlastDialException e = assertThrows(BlastDialException.class, () -> store.findSpace(key));
    assertTrue(e.getMessage().contains("malformed values"), e.getMessage());
  }

  @Test
  void findSpace_corruptFile_failsWithFileNameAndFix() throws Exception {
    FileBlastDialStore store = reopen();
    SpaceKey key = SpaceKey.of("a", "s");
    store.saveSpace(new SpaceSetup(key, BlastDialConfig.disabled(), List.of()));
    try (var files = Files.list(dir.resolve("spaces"))) {
      Path f = files.findFirst().orElseThrow();
      Files.writeString(f, "enabled=true\nretries=\\u00zz\n");
    }
    BlastDialException e = assertThrows(BlastDialException.class, () -> store.findSpace(key));
    assertTrue(e.getMessage().contains("restore it from a backup"), e.getMessage());
  }
}
