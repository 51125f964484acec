package io.mmsdk.common.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void write_existingFile_replacesContent() throws IOException {
    Path target = dir.resolve("state.properties");
    Files.writeString(target, "old content that is longer than the new one\n");

    AtomicFiles.write(target, "new\n".getBytes(StandardCharsets.UTF_8));

    assertEquals("new\n", Files.readString(target));
  }

  @Test
  void write_missingParentDirectories_createsThemAndFile() throws IOException {
    Path target = dir.resolve("a").resolve("b").resolve("state.bin");
    byte[] bytes = {0, 1, 2, (byte) 0xff};

    AtomicFiles.write(target, bytes);

    assertArrayEquals(bytes, Files.readAllBytes(target));
  }

  @Test
  void write_success_leavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("state.properties");

    AtomicFiles.write(target, "one".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "two".getBytes(StandardCharsets.UTF_8));

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void write_targetIsDirectory_failsAndLeavesItAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("occupied");
    Files.createDirectory(target);
    Files.writeString(target.resolve("inside.txt"), "keep");

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> AtomicFiles.write(target, "x".getBytes(StandardCharsets.UTF_8)));

    assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    assertEquals("keep", Files.readString(target.resolve("inside.txt")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void write_parentIsAFile_failsWithIoCauseAndKeepsOldContent() throws IOException {
    Path notADir = dir.resolve("plain-file");
    Files.writeString(notADir, "old");

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> AtomicFiles.write(notADir.resolve("state"), "new".getBytes(StandardCharsets.UTF_8)));

    assertInstanceOf(IOException.class, e.getCause());
    assertTrue(e.getMessage().contains("state"), e.getMessage());
    assertEquals("old", Files.readString(notADir));
  }
}
