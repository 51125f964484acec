package io.mmsdk.common.store;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The frame of every store interface's contract test: opening and reopening the store under test on
 * one storage, closing what a test opened, and the {@link StoreProcessContract} cases (crash and a
 * second process) through the store's {@link StoreDriver}. A contract subclasses it once per
 * interface; each backend subclasses the contract.
 *
 * @param <S> the store interface
 */
public abstract class StoreContract<S extends AutoCloseable> {
  private final List<S> opened = new ArrayList<>();

  /**
   * Opens the store under test on this test's storage. Each call in one test opens the same storage
   * again (the previous instance is closed first: a restart); each test starts on empty storage.
   */
  protected abstract S open();

  /** Returns the driver class that opens this backend's store in a child process. */
  protected abstract Class<? extends StoreDriver> processDriver();

  /**
   * Returns whether several processes may use one storage at once (a database) rather than one
   * (a locked file); default false. See {@link StoreProcessContract#sharedAcrossProcesses()}.
   */
  protected boolean sharedAcrossProcesses() {
    return false;
  }

  /** Returns the child JVM's extra arguments, e.g. where the database is; default none. */
  protected List<String> childJvmArguments() {
    return List.of();
  }

  /** Closes every store this test opened, then opens the store again: a restart. */
  protected final S reopen() {
    closeStores();
    opened.clear();
    S s = open();
    opened.add(s);
    return s;
  }

  /** Closes every store this test opened (closing twice must be harmless). */
  @AfterEach
  protected final void closeStores() {
    for (S s : opened) {
      try {
        s.close();
      } catch (Exception e) {
        throw new AssertionError("close() threw", e);
      }
    }
  }

  /** Crash-and-reopen and a second process, through {@link #processDriver()}. */
  @Nested
  public class Processes extends StoreProcessContract {
    @Override
    protected Class<? extends StoreDriver> driver() {
      return processDriver();
    }

    @Override
    protected boolean sharedAcrossProcesses() {
      return StoreContract.this.sharedAcrossProcesses();
    }

    @Override
    protected List<String> childJvmArguments() {
      return StoreContract.this.childJvmArguments();
    }
  }

  /**
   * A {@link StoreDriver} that keeps the store it opened and closes it. Subclasses need a public
   * no-argument constructor.
   *
   * @param <S> the store interface
   */
  public abstract static class Driver<S extends AutoCloseable> implements StoreDriver {
    /** The store {@link #open} opened, or null. */
    protected S store;

    /** Opens the backend's store on {@code dir}. */
    protected abstract S openStore(java.nio.file.Path dir);

    @Override
    public final void open(java.nio.file.Path dir) {
      store = openStore(dir);
    }

    @Override
    public void close() {
      if (store != null) {
        try {
          store.close();
        } catch (Exception e) {
          throw new IllegalStateException("close() threw", e);
        }
      }
    }
  }
}
