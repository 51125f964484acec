package io.mmsdk.admin.user;

import java.nio.file.Path;

/**
 * Where {@link UserService} keeps its {@link UserData}. {@link #save} must be durable before it
 * returns.
 */
public interface UserStore extends AutoCloseable {
  /** {@return the saved data, or {@link UserData#empty()} when nothing was saved} */
  UserData load();

  /**
   * Replaces the saved data, durably.
   *
   * @param data every local user, policy and LDAP setting to keep; not null
   */
  void save(UserData data);

  /**
   * Releases the store's lock and files, so that another instance may open it; idempotent. The
   * default does nothing, for stores that hold neither.
   */
  @Override
  default void close() {}

  /**
   * {@return a store that keeps the data in {@code file}, replaced atomically on every save} The
   * file
   * holds password hashes and the LDAP bind password: it is created readable by its owner only on
   * POSIX file systems.
   *
   * <p>The store locks {@code <file>.lock} until {@link #close()}: a second opener, in this or
   * another process, gets a {@link io.mmsdk.common.store.StoreLockedException} naming the holder.
   *
   * @param file the data file, created on first save
   */
  static UserStore file(Path file) {
    return new FileUserStore(file);
  }

  /** {@return a store that keeps nothing between runs} */
  static UserStore inMemory() {
    return new UserStore() {
      private volatile UserData data = UserData.empty();

      @Override
      public UserData load() {
        return data;
      }

      @Override
      public void save(UserData next) {
        data = next;
      }
    };
  }
}
