package io.mmsdk.testkit.junit5;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.SimulatedDirectory;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that injects a started {@link SimulatedCluster}, a {@link CmsClient} for
 * any of its bridges ({@link CallBridge @CallBridge(n)}, default 0), a {@link SimulatedCallBridge},
 * a {@link SimulatedDirectory} and the cluster's {@link SimulatedClock} (also the
 * {@code io.mmsdk.common.time.Scheduler} to build SDK parts with) into test, lifecycle-method and
 * constructor parameters.
 *
 * <pre>{@code
 * @ExtendWith(SimulatedClusterExtension.class)          // one HTTP bridge, an empty directory
 * class MyTest {
 *   @Test
 *   void lists(CmsClient cms, SimulatedCluster cluster, SimulatedClock clock) { ... }
 * }
 *
 * class TwoBridgesTest {                                   // or configured:
 *   @RegisterExtension
 *   static final SimulatedClusterExtension CMS = SimulatedClusterExtension.builder()
 *       .options(ClusterOptions.builder().callBridges(2).https(true).build())
 *       .directory(SimulatedDirectory.builder().ldif(Path.of("src/test/resources/people.ldif")))
 *       .build();
 * }
 * }</pre>
 *
 * <p><b>Scope.</b> Everything is started on first use and belongs to the scope that asked for it:
 * parameters of a {@code @Test}, {@code @BeforeEach} or {@code @AfterEach} method share one
 * fresh cluster, directory and clock per test, closed after it; parameters of a
 * {@code @BeforeAll} method get one per class, shared by its tests and closed after them. Each
 * cluster gets its own clock, starting where the options' clock reads when the scope starts.
 * Injected clients use that clock and trust the cluster's CA when it serves HTTPS.
 *
 * <p>This extension lives in {@code cms-testkit-junit5}, not in {@code cms-testkit}, so the
 * simulator stays independent of the client it is a test oracle for.
 */
public final class SimulatedClusterExtension
    implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedClusterExtension.class);
  private static final Set<Class<?>> INJECTABLE = Set.of(SimulatedCluster.class,
      SimulatedCallBridge.class, SimulatedClock.class, SimulatedDirectory.class, CmsClient.class);

  private final ClusterOptions options;
  private final SimulatedDirectory.Builder directory;
  private final UnaryOperator<CmsClient.Builder> clients;

  /** Creates the extension with defaults (for {@code @ExtendWith}): see {@link #builder()}. */
  public SimulatedClusterExtension() {
    this(builder());
  }

  private SimulatedClusterExtension(Builder b) {
    this.options = b.options;
    this.directory = b.directory;
    this.clients = b.clients;
  }

  /**
   * {@return a builder with {@link ClusterOptions#defaults()}, an empty directory under
   * {@code dc=example,dc=com}, and clients with the client's default settings}
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Fixture fixture = context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Fixture.class, k -> new Fixture(), Fixture.class);
    if (type == SimulatedDirectory.class) {
      return fixture.directory();
    }
    SimulatedCluster cluster = fixture.cluster();
    if (type == SimulatedCluster.class) {
      return cluster;
    }
    if (type == SimulatedClock.class) {
      return cluster.clock();
    }
    int index = parameter.findAnnotation(CallBridge.class).map(CallBridge::value).orElse(0);
    if (index < 0 || index >= cluster.callBridges().size()) {
      throw new ParameterResolutionException("@CallBridge(" + index + ") on "
          + parameter.getParameter() + ", but the cluster has " + cluster.callBridges().size()
          + " bridge(s), 0.." + (cluster.callBridges().size() - 1)
          + "; raise ClusterOptions.callBridges(...) in the extension's options");
    }
    return type == SimulatedCallBridge.class ? cluster.callBridge(index) : fixture.client(index);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeOwnFixture(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeOwnFixture(context);
  }

  /** Closes the fixture this very scope created; a parent scope's fixture outlives it. */
  private static void closeOwnFixture(ExtensionContext context) {
    Fixture fixture = context.getStore(NAMESPACE).remove(Fixture.class, Fixture.class);
    if (fixture != null) {
      fixture.close();
    }
  }

  /** What one scope started; every part on first use. */
  private final class Fixture {
    private SimulatedCluster cluster;
    private SimulatedDirectory started;
    private final Map<Integer, CmsClient> clientsByBridge = new LinkedHashMap<>();

    synchronized SimulatedCluster cluster() {
      if (cluster == null) {
        cluster = SimulatedCluster.start(options.toBuilder()
            .clock(SimulatedClock.startingAt(options.clock().instant())).build());
      }
      return cluster;
    }

    synchronized SimulatedDirectory directory() {
      if (started == null) {
        started = directory.start();
      }
      return started;
    }

    synchronized CmsClient client(int index) {
      return clientsByBridge.computeIfAbsent(index, i -> {
        SimulatedCluster c = cluster();
        CmsClient.Builder b = CmsClient.builder()
            .baseUrl(c.callBridge(i).baseUrl())
            .credentials(c.apiUsername(), c.apiPassword())
            .clock(c.clock());
        c.findCaCertificatePem().ifPresent(pem -> b.tlsTrust(TlsTrust.pemCertificates(pem)));
        return requireNonNull(clients.apply(b), "client customizer returned null").build();
      });
    }

    synchronized void close() {
      RuntimeException failure = null;
      for (CmsClient client : clientsByBridge.values()) {
        failure = closeQuietly(client, failure);
      }
      clientsByBridge.clear();
      failure = closeQuietly(cluster, failure);
      failure = closeQuietly(started, failure);
      cluster = null;
      started = null;
      if (failure != null) {
        throw failure;
      }
    }

    private RuntimeException closeQuietly(AutoCloseable resource, RuntimeException failure) {
      if (resource == null) {
        return failure;
      }
      try {
        resource.close();
      } catch (Exception e) {
        RuntimeException r = e instanceof RuntimeException re ? re
            : new IllegalStateException("could not close " + resource, e);
        if (failure == null) {
          return r;
        }
        failure.addSuppressed(r);
      }
      return failure;
    }
  }

  /** Configures a {@link SimulatedClusterExtension}. Not thread-safe. */
  public static final class Builder {
    private ClusterOptions options = ClusterOptions.defaults();
    private SimulatedDirectory.Builder directory = SimulatedDirectory.builder();
    private UnaryOperator<CmsClient.Builder> clients = UnaryOperator.identity();

    private Builder() {}

    /**
     * Sets the options each cluster starts with (default {@link ClusterOptions#defaults()}). Each
     * scope still gets a fresh clock, starting where {@code options.clock()} reads then.
     *
     * @param options the cluster options, as built by {@link ClusterOptions#builder()}; not null
     * @return this builder
     */
    public Builder options(ClusterOptions options) {
      this.options = requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Sets how each scope's directory is started (default: empty, base {@code dc=example,dc=com});
     * {@link SimulatedDirectory.Builder#start()} is called once per scope that injects one.
     *
     * @param directory a directory builder (LDIF, entries, base DN, bind credentials); not null
     * @return this builder
     */
    public Builder directory(SimulatedDirectory.Builder directory) {
      this.directory = requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Adjusts every injected client's builder (after address, credentials, clock and CA trust are
     * set), for example {@code b -> b.retryPolicy(RetryPolicy.none())}.
     *
     * @param customizer called with each client's builder, returning the builder to build; not null
     * @return this builder
     */
    public Builder client(UnaryOperator<CmsClient.Builder> customizer) {
      this.clients = requireNonNull(customizer, "customizer == null");
      return this;
    }

    /** {@return the extension} */
    public SimulatedClusterExtension build() {
      return new SimulatedClusterExtension(this);
    }
  }
}
