package io.mmsdk.common.store;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.function.Executable;

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

  /**
   * Asserts that a store that was closed (twice, which must be harmless) rejects each of {@code
   * calls} with an {@link IllegalStateException}.
   *
   * @param calls uses of the closed store, e.g. {@code UserStore::load}
   */
  @SafeVarargs
  protected final void assertRejectedAfterClose(Consumer<S>... calls) {
    S store = reopen();
    try {
      store.close();
      store.close();
    } catch (Exception e) {
      throw new AssertionError("close() threw", e);
    }
    for (Consumer<S> call : calls) {
      assertThrows(IllegalStateException.class, () -> call.accept(store));
    }
  }

  /**
   * Closes the stores, runs {@code damage} and asserts that reading a reopened store fails with
   * {@code type}, and fails again on the next reopen: damage is never silently replaced by empty
   * data.
   *
   * @param type the typed error the store reports damage with
   * @param damage damages what the store saved, while it is closed
   * @param read reads the store, e.g. {@code UserStore::load}
   * @param <E> the error type
   * @return the first error, for assertions on its advice
   */
  protected final <E extends Throwable> E assertDamageReportedOnEveryReopen(Class<E> type,
      Executable damage, Consumer<S> read) {
    closeStores();
    try {
      damage.execute();
    } catch (Throwable t) {
      throw new AssertionError("damage() threw", t);
    }
    E e = assertThrows(type, () -> read.accept(reopen()));
    assertThrows(type, () -> read.accept(reopen()), "damage is never silently replaced by empty data");
    return e;
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

    /**
     * Runs {@code loadChangeSave} (load the whole state, add a record, save it) until no other
     * process saved in between: a store shared by processes refuses a save based on a state
     * another process replaced ({@link StoreConflictException}) rather than losing that save.
     *
     * @param loadChangeSave one attempt
     * @throws StoreConflictException if 1000 attempts in a row conflicted
     */
    protected static void retryOnConflict(Runnable loadChangeSave) {
      for (int attempt = 1; ; attempt++) {
        try {
          loadChangeSave.run();
          return;
        } catch (StoreConflictException e) {
          if (attempt == 1000) {
            throw e;
          }
        }
      }
    }

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
