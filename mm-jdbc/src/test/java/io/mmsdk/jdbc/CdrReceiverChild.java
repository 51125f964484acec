package io.mmsdk.jdbc;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrPipeline;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A CDR receiver in a process of its own, for {@link TwoReceiversOnePostgresTest}: {@code
 * CdrReceiverChild <jdbc url> <port> <token>} stores into a {@link JdbcCdrStore} on the database
 * and listens on 127.0.0.1 (port 0 picks a free one). It prints {@code REPLAYED <session>|<correlator
 * index>} for each record of its start-up replay, then {@code READY <uri to register>}, then
 * {@code LIVE <session>|<correlator index>} for each record it delivers live (before the Call Bridge
 * gets the acknowledgement). A {@code STATS} line on its standard input makes it print {@code STATS
 * <duplicates dropped>}; it ends when its standard input closes. The parent kills it with SIGKILL.
 */
public final class CdrReceiverChild {
  private CdrReceiverChild() {}

  /**
   * Runs the receiver; see the class comment for the arguments.
   *
   * @param args the JDBC URL, the port and the receiver's token
   * @throws Exception if the receiver cannot start or its input cannot be read
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (JdbcDatabase db = JdbcDatabase.builder(args[0]).maxConnections(4).build();
        CdrPipeline pipeline = CdrPipeline.builder()
            .store(JdbcCdrStore.builder(db).build())
            .addListener(e -> print(out, e))
            .build();
        CdrHttpServer server = CdrHttpServer.builder()
            .address(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])))
            .handler(CdrHandler.builder().sink(pipeline).token(args[2]).build())
            .start()) {
      out.println("READY " + server.uri() + "?cluster=sim&token=" + args[2]);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("STATS")) {
          // Every record acknowledged so far is printed before the statistics.
          pipeline.awaitDelivered(java.time.Duration.ofSeconds(30));
          out.println("STATS " + pipeline.duplicatesDropped());
        }
      }
    }
  }

  private static void print(PrintStream out, CdrEvent e) {
    if (e instanceof CdrEvent.RecordReceived r) {
      out.println((r.replayed() ? "REPLAYED " : "LIVE ") + r.session() + "|"
          + r.record().header().correlatorIndex());
    }
  }
}
