package io.mmsdk.cdr;

/** {@link CdrStoreContract} for {@link CdrJournal} on a file system without direct I/O. */
class CdrJournalPageCacheContractTest extends CdrJournalContractTest {
  @Override
  protected CdrStore open() {
    return CdrJournal.builder(dir).scheduler(clock).pageCache().build();
  }
}
