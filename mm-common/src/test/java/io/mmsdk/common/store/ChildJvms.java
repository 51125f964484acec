package io.mmsdk.common.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link ChildJvm}s for a test and, after it, kills every one still running; when the test
 * failed, it prints what each child printed to standard error, so the test log shows it:
 *
 * <pre>{@code
 * @RegisterExtension final ChildJvms children = new ChildJvms();
 * ... ChildJvm child = children.start(MyMain.class, List.of("-Xmx64m"), List.of("arg"));
 * }</pre>
 */
public final class ChildJvms implements AfterEachCallback {
  private final List<ChildJvm> started = new ArrayList<>();

  /** Creates the extension; register it on an instance field with {@code @RegisterExtension}. */
  public ChildJvms() {}

  /**
   * Starts {@code mainClass} in a new JVM on this JVM's class path.
   *
   * @param mainClass the class whose {@code main} the child runs
   * @param jvmArguments arguments for the JVM, such as {@code -Xmx64m} or {@code -D} properties
   * @param arguments the arguments of {@code main}
   * @return the running child, killed after the test at the latest
   * @throws IOException if the JVM cannot be started
   */
  public synchronized ChildJvm start(Class<?> mainClass, List<String> jvmArguments,
      List<String> arguments) throws IOException {
    ChildJvm child = ChildJvm.start(mainClass, jvmArguments, arguments);
    started.add(child);
    return child;
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) throws InterruptedException {
    AssertionError notDead = null;
    try {
      for (ChildJvm child : started) {
        try {
          child.close();
        } catch (AssertionError e) {
          notDead = notDead == null ? e : notDead;
        }
      }
    } finally {
      if (context.getExecutionException().isPresent()) {
        for (ChildJvm child : started) {
          System.err.println(context.getDisplayName() + " failed;" + child.output());
        }
      }
      started.clear();
    }
    if (notDead != null) {
      throw notDead;
    }
  }
}
