package io.mmsdk.examples.demo;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.SystemStatus;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.core.Page;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.licensing.Allocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo against a real Call Bridge: only read-only steps (spaces with paging, system status,
 * license usage and compliance). Nothing is created, changed or deleted on the bridge.
 */
final class RealBridgeRun {
  static final int STEPS = 4;

  private RealBridgeRun() {}

  static DemoResult run(DemoOptions options, Progress progress, Function<String, String> environment)
      throws IOException {
    String url = options.findCmsUrl().orElseThrow();
    String password = environment.apply(options.cmsPasswordEnv());
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("Environment variable " + options.cmsPasswordEnv()
          + " (from --cms-password-env) is not set; export the API password there.");
    }
    URI base = URI.create(url);
    if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("--cms-url must be https://host[:port], was '" + url + "'");
    }
    progress.plain("Real Call Bridge mode: " + base.getHost() + " — read-only steps only "
        + "(no provisioning, CDR receiver, meetings or blast dial).");
    TlsTrust trust = options.trustPem() == null ? TlsTrust.systemDefault()
        : TlsTrust.pemFile(options.trustPem());
    CallBridge bridge = CallBridge.builder()
        .name(base.getHost())
        .address(base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : ""))
        .credentials(options.cmsUser(), password)
        .trust(trust)
        .build();
    ClusterRegistry registry = ClusterRegistry.inMemory();

    progress.step("Register the Call Bridge (mm-core ClusterRegistry)");
    Cluster cluster = registry.add(Cluster.builder().name(base.getHost()).manageMeetings(false)
        .addCallBridge(bridge).build());
    progress.line("cluster id=%s, manage meetings: %s", cluster.id(), cluster.manageMeetings());

    long spaces = 0;
    try (CmsClient client = registry.client(bridge.id())) {
      progress.step("System status");
      SystemStatus status = client.systemStatus();
      progress.line("CMS %s, host %s, up %s, clustered: %s", status.softwareVersion(), status.hostId(),
          status.uptime(), status.clusterEnabled());

      progress.step("Spaces, 20 per page");
      ListOptions options20 = ListOptions.builder().pageSize(20).build();
      long offset = 0;
      Page page;
      int pages = 0;
      do {
        page = client.coSpaces().page(offset, 20, options20);
        pages++;
        if (pages <= 2) {
          for (CmsObject s : page.items().subList(0, Math.min(3, page.items().size()))) {
            progress.line("  %-30s %s", s.findText("uri").orElse(""), s.findText("name").orElse(""));
          }
        }
        spaces += page.items().size();
        offset = page.nextOffset();
      } while (page.hasMore() && !page.items().isEmpty());
      progress.line("%d spaces in %d pages (server says total=%d)", spaces, pages, page.total());
    }

    Path out = options.outputDirectory();
    Files.createDirectories(out);
    Path state = Files.createTempDirectory("mm-sdk-demo-");
    List<Path> files = new ArrayList<>();
    Map<String, String> compliance;
    try {
      // Allocations are not known for a real deployment: left blank, features show Unlicensed
      // while the 90-day peaks are real.
      LicensingStep.Outcome licensing = LicensingStep.run(progress, Scheduler.system(), registry,
          Allocations.none(), out, state);
      compliance = licensing.compliance();
      files.addAll(licensing.files());
    } finally {
      deleteTree(state);
    }
    for (Path f : files) {
      progress.plain("wrote " + f.toAbsolutePath());
    }
    return new DemoResult(false, spaces, 0, 0, Map.of(), compliance, files, progress.lines());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
