package io.mmsdk.core.user;

import java.nio.file.Path;

/**
 * Where {@link UserService} keeps its {@link UserData}. {@link #save} must be durable before it
 * returns.
 */
public interface UserStore {
  /** {@return the saved data, or {@link UserData#empty()} when nothing was saved} */
  UserData load();

  /** Replaces the saved data, durably. */
  void save(UserData data);

  /**
   * {@return a store that keeps the data in {@code file}, replaced atomically on every save} The file
   * holds password hashes and the LDAP bind password: it is created readable by its owner only on
   * POSIX file systems.
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
