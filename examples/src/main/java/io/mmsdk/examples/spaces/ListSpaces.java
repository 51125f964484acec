package io.mmsdk.examples.spaces;

import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.SystemStatus;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.core.Page;
import io.mmsdk.common.MmSdkException;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.testkit.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Connects to a Call Bridge and lists its spaces page by page.
 *
 * <pre>
 * ListSpaces [--filter TEXT] [--page-size N]
 *            [--cms-url https://cms1.example.com:8443 --cms-user api --cms-password-env CMS_PASSWORD
 *             [--trust-pem ca.pem]]
 * </pre>
 *
 * <p>Without {@code --cms-url} it starts a simulated Call Bridge (cms-testkit) with 27 spaces.
 */
public final class ListSpaces {
  private ListSpaces() {}

  /** Runs the example; exits 1 with a message when the Call Bridge refuses or cannot be reached. */
  public static void main(String[] args) throws IOException {
    Map<String, String> flags = ExampleFlags.parse("ListSpaces", args);
    int pageSize = Integer.parseInt(flags.getOrDefault("--page-size", "10"));
    String filter = flags.getOrDefault("--filter", "");
    SimulatedCluster simulated = null;
    CmsClient.Builder builder = CmsClient.builder();
    if (flags.containsKey("--cms-url")) {
      String password = System.getenv(ExampleFlags.required("ListSpaces", flags, "--cms-password-env"));
      if (password == null) {
        fail("environment variable " + flags.get("--cms-password-env") + " is not set");
      }
      builder.baseUrl(flags.get("--cms-url")).credentials(ExampleFlags.required("ListSpaces", flags, "--cms-user"), password);
      if (flags.containsKey("--trust-pem")) {
        builder.tlsTrust(TlsTrust.pemFile(Path.of(flags.get("--trust-pem"))));
      }
    } else {
      simulated = SimulatedCluster.start();
      builder.baseUrl(simulated.callBridge(0).baseUrl())
          .credentials(simulated.apiUsername(), simulated.apiPassword());
      System.out.println("No --cms-url: using a simulated Call Bridge at " + simulated.callBridge(0).baseUrl());
    }
    try (CmsClient cms = builder.build()) {
      if (simulated != null) {
        for (int i = 1; i <= 27; i++) {
          cms.coSpaces().create(Form.builder().set("name", "Team room " + i).set("uri", "team" + i).build());
        }
      }
      SystemStatus status = cms.systemStatus();
      System.out.println("Connected: CMS " + status.softwareVersion() + ", host " + status.hostId());

      ListOptions.Builder listOptions = ListOptions.builder().pageSize(pageSize);
      if (!filter.isEmpty()) {
        listOptions.filter(filter);  // CMS matches name, URI and call id
      }
      ListOptions options = listOptions.build();
      // Explicit paging: the server may cap a page below the size asked for.
      long offset = 0;
      Page page;
      do {
        page = cms.coSpaces().page(offset, pageSize, options);
        System.out.printf("-- page at offset %d: %d of %d spaces%n", offset, page.items().size(), page.total());
        for (CmsObject space : page.items()) {
          System.out.printf("   %-36s %-20s %s%n", space.id(), space.findText("uri").orElse(""),
              space.findText("name").orElse(""));
        }
        offset = page.nextOffset();
      } while (page.hasMore() && !page.items().isEmpty());

      // The lazy Iterable does the same paging behind the scenes.
      long count = cms.coSpaces().list(options).stream().count();
      System.out.println("Lazy list: " + count + " spaces");
    } catch (MmSdkException e) {
      fail(e.getMessage());
    } finally {
      if (simulated != null) {
        simulated.close();
      }
    }
  }

  private static void fail(String message) {
    ExampleFlags.fail("ListSpaces", message);
  }
}
