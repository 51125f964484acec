package io.mmsdk.benchmarks.cms;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsFields;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Listing all {@code spaces} coSpaces (100,000) of a simulated cluster whose page cap is 10 (one
 * request per 10 over loopback HTTP) through cms-api-client, against the simulator and against a
 * replay server that answers each request with the page the simulator gave for the same offset,
 * recorded in setup: the replay figure is the client's cost alone, the difference is the
 * simulator's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListingAtScaleBenchmark {
  static final int CAP = 10;
  private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");

  /** How many coSpaces the cluster holds. */
  @Param({"100000"})
  int spaces;

  private SimulatedCluster cluster;
  private CmsClient simulated;
  private ReplayServer replay;
  private CmsClient replayed;

  /** Creates the spaces through the client and records every page the simulator serves. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    cluster = SimulatedCluster.start(ClusterOptions.builder().defaultPageLimit(CAP).build());
    String baseUrl = cluster.callBridge(0).baseUrl();
    simulated = CmsClient.builder().baseUrl(baseUrl)
        .credentials(cluster.apiUsername(), cluster.apiPassword())
        .retryPolicy(RetryPolicy.none()).build();
    long start = System.nanoTime();
    // Four threads share the creates: set-up time only, the listing is measured on one thread.
    ExecutorService creators = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        done.add(creators.submit(() -> {
          for (int i = first; i < spaces; i += 4) {
            simulated.coSpaces().create(Form.builder().set(CmsFields.NAME, "Team " + i)
                .set(CmsFields.URI, "team." + i)
                .set(CmsFields.CALL_ID, String.valueOf(100_000_000 + i)).build());
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("creating coSpaces failed", e.getCause());
    } finally {
      creators.shutdown();
    }
    System.out.printf("%nCreated %,d coSpaces through the client in %,d ms%n", spaces,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

    HttpClient http = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        (cluster.apiUsername() + ":" + cluster.apiPassword()).getBytes(StandardCharsets.UTF_8));
    Map<Integer, byte[]> pages = new HashMap<>();
    for (int offset = 0; offset <= spaces; offset += CAP) {
      HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(
              URI.create(baseUrl + "/api/v1/coSpaces?offset=" + offset + "&limit="
                  + ListOptions.DEFAULT_PAGE_SIZE))
          .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (page.statusCode() != 200) {
        throw new IllegalStateException("recording page at offset " + offset + ": HTTP "
            + page.statusCode());
      }
      pages.put(offset, ReplayServer.response(page.body()));
    }
    replay = new ReplayServer(target -> {
      Matcher m = OFFSET.matcher(target);
      byte[] response = m.find() ? pages.get(Integer.parseInt(m.group(1))) : null;
      if (response == null) {
        throw new IllegalStateException("no recorded page for " + target);
      }
      return response;
    });
    replayed = CmsClient.builder().baseUrl("http://127.0.0.1:" + replay.port())
        .credentials("bench", "bench").retryPolicy(RetryPolicy.none()).build();
    check(simulated);
    check(replayed);
  }

  /** Closes the clients, the replay server and the cluster. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    simulated.close();
    replayed.close();
    replay.close();
    cluster.close();
  }

  /** Lists every space from the simulated cluster. */
  @Benchmark
  public long listAllFromSimulator() {
    return list(simulated);
  }

  /** Lists the same pages from the replay server: the client's cost alone. */
  @Benchmark
  public long listAllFromReplay() {
    return list(replayed);
  }

  private static long list(CmsClient cms) {
    return cms.coSpaces().list(ListOptions.none()).stream().count();
  }

  private void check(CmsClient cms) {
    long n = list(cms);
    if (n != spaces) {
      throw new IllegalStateException("listed " + n + " coSpaces, expected " + spaces);
    }
  }
}
