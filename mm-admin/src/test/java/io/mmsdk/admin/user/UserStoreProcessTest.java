package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@link StoreProcessContract} for {@link UserStore#file}: record i is local user {@code u<i>}. */
public class UserStoreProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  /** Saves one more user per write. */
  public static final class Driver implements StoreDriver {
    private final List<UserRecord> users = new ArrayList<>();
    private final PasswordHash hash = PasswordHash.create("pw", PasswordHash.MIN_ITERATIONS, new SecureRandom());
    private UserStore store;

    /** Creates a driver. */
    public Driver() {}

    @Override
    public void open(Path dir) {
      store = UserStore.file(dir.resolve("users.properties"));
    }

    @Override
    public void write(int i) {
      // After a crash the store may hold records past the last acknowledged one; replace them.
      users.removeIf(r -> r.user().username().equals("u" + i));
      users.add(new UserRecord(LocalUser.of("u" + i, Role.VIDEO_OPERATOR), hash, List.of()));
      store.save(new UserData(users, null, PasswordPolicy.defaults(), SignInPolicy.defaults(), null, List.of(), Map.of(), Map.of()));
    }

    @Override
    public Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (UserRecord r : store.load().users()) {
        int i = Integer.parseInt(r.user().username().substring(1));
        if (i <= upTo) {
          out.add(i);
        }
      }
      users.clear();
      users.addAll(store.load().users());
      return out;
    }

    @Override
    public void close() {
      if (store != null) {
        store.close();
      }
    }
  }
}
