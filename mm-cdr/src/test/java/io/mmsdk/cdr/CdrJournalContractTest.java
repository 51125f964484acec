package io.mmsdk.cdr;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link CdrStoreContract} for {@link CdrJournal}. */
class CdrJournalContractTest extends CdrStoreContract {
  @TempDir Path dir;

  @Override
  protected CdrStore open() {
    return CdrJournal.builder(dir).scheduler(clock).build();
  }

  @Override
  protected boolean deduplicates() {
    return false;
  }

  /** Flips a byte in the middle of the n-th entry's payload: its CRC no longer matches. */
  @Override
  protected void damage(int n) throws Exception {
    Path segment;
    try (var files = Files.list(dir)) {
      segment = files.filter(p -> p.toString().endsWith(".cdrj")).sorted().findFirst().orElseThrow();
    }
    byte[] all = Files.readAllBytes(segment);
    ByteBuffer in = ByteBuffer.wrap(all);
    int at = 0;
    for (int i = 0; i < n; i++) {
      at += 12 + in.getInt(at + 4); // magic, length, crc, then the payload
    }
    all[at + 12 + in.getInt(at + 4) / 2] ^= 0x5A;
    Files.write(segment, all);
  }
}
