package io.mmsdk.benchmarks.testkit;

import io.mmsdk.testkit.SimulatedCluster;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Round-trip latency of one REST request to a simulated Call Bridge over loopback HTTP with a
 * keep-alive OkHttp client: a page of {@code /coSpaces} out of 200, one coSpace, and a create.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimulatedBridgeBenchmark {
  private SimulatedCluster cms;
  private OkHttpClient client;
  private String base;
  private String auth;
  private String oneId;
  private long counter;

  /** Starts a cluster with 200 coSpaces. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    cms = SimulatedCluster.start();
    client = new OkHttpClient();
    base = cms.callBridge(0).baseUrl() + "/api/v1/";
    auth = Credentials.basic(cms.apiUsername(), cms.apiPassword());
    for (int i = 0; i < 200; i++) {
      String location = post("name", "Space " + i, "uri", "space" + i);
      oneId = location.substring(location.lastIndexOf('/') + 1);
    }
  }

  /** Stops the cluster. */
  @TearDown(Level.Trial)
  public void tearDown() {
    cms.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private String post(String... pairs) throws IOException {
    FormBody.Builder form = new FormBody.Builder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    Request r = new Request.Builder().url(base + "coSpaces").header("Authorization", auth)
        .post(form.build()).build();
    try (Response response = client.newCall(r).execute()) {
      return response.header("Location");
    }
  }

  private int get(String path) throws IOException {
    Request r = new Request.Builder().url(base + path).header("Authorization", auth).build();
    try (Response response = client.newCall(r).execute()) {
      return response.body().string().length();
    }
  }

  /** GET one page (10) of 200 coSpaces. */
  @Benchmark
  public int listCoSpacesPage() throws IOException {
    return get("coSpaces?offset=100&limit=50");
  }

  /** GET one coSpace by id. */
  @Benchmark
  public int getCoSpace() throws IOException {
    return get("coSpaces/" + oneId);
  }

  /** POST a new coSpace (the store grows during the run). */
  @Benchmark
  public String createCoSpace() throws IOException {
    return post("name", "Bench " + counter, "uri", "bench" + counter++);
  }
}
