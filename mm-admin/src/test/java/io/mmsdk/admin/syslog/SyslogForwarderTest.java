package io.mmsdk.admin.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class SyslogForwarderTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00.250Z");
  private final SimulatedClock scheduler = SimulatedClock.startingAt(T0);

  @Test
  void log_udp_rfc5424Datagram() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5_000);
      SyslogConfig config = SyslogConfig.builder().hostname("mm1.example.com")
          .addServer(new SyslogServer("127.0.0.1", server.getLocalPort(), SyslogTransport.UDP)).build();
      try (SyslogForwarder f = SyslogForwarder.start(config, scheduler)) {
        f.log(SyslogSeverity.ERROR, "CDR", "Call Bridge cb1 stopped sending CDRs");
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        server.receive(p);
        String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        assertEquals("<11>1 2026-01-05T08:00:00.250Z mm1.example.com mm-sdk - CDR - \uFEFFCall Bridge cb1 stopped sending CDRs", msg);
      }
    }
  }

  @Test
  void attach_notifications_raiseAndClearForwarded() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5_000);
      SyslogConfig config = SyslogConfig.builder()
          .addServer(new SyslogServer("127.0.0.1", server.getLocalPort(), SyslogTransport.UDP)).build();
      io.mmsdk.core.notify.Notifications notifications = io.mmsdk.core.notify.Notifications.create(scheduler);
      try (SyslogForwarder f = SyslogForwarder.start(config, scheduler)) {
        f.attach(notifications);
        notifications.raise(io.mmsdk.core.notify.Severity.WARNING, "licensing", "lic.cb1", "cb1 slow");
        notifications.clear("lic.cb1");
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        server.receive(p);
        assertEquals("<12>1 2026-01-05T08:00:00.250Z - mm-sdk - licensing - \uFEFFcb1 slow [lic.cb1]",
            new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
        server.receive(p);
        assertTrue(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8).startsWith("<14>1 "));
      }
    }
  }

  @Test
  void forward_tcp_octetCountedAuditWithStructuredData() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5_000);
      SyslogConfig config = SyslogConfig.builder()
          .addServer(new SyslogServer("127.0.0.1", server.getLocalPort(), SyslogTransport.TCP)).build();
      AuditTrail trail = AuditTrail.inMemory(scheduler);
      try (SyslogForwarder f = SyslogForwarder.start(config, scheduler)) {
        f.attach(trail);
        trail.record("alice", "user.create", "bo\"b]", "role ADMINISTRATOR");
        trail.record("alice", "user.delete", "carol", "");
        try (Socket s = server.accept()) {
          s.setSoTimeout(5_000);
          InputStream in = s.getInputStream();
          assertEquals("<109>1 2026-01-05T08:00:00.250Z - mm-sdk - AUDIT [audit@32473 seq=\"1\" actor=\"alice\" "
              + "action=\"user.create\" target=\"bo\\\"b\\]\"] \uFEFFalice user.create bo\"b]: role ADMINISTRATOR", frame(in));
          assertTrue(frame(in).contains("seq=\"2\""));
        }
      }
    }
  }

  @Test
  void log_tls_deliveredOverVerifiedConnection() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test ca").build();
    HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serverSide = new HandshakeCertificates.Builder().heldCertificate(serverCert, ca.certificate()).build();
    try (SSLServerSocket server = (SSLServerSocket) serverSide.sslContext().getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5_000);
      SyslogServer target = SyslogServer.of("localhost", SyslogTransport.TLS);
      assertEquals(6514, target.port());
      SyslogConfig config = SyslogConfig.builder().tlsTrust(TlsTrust.certificates(List.of(ca.certificate())))
          .addServer(new SyslogServer("localhost", server.getLocalPort(), SyslogTransport.TLS)).build();
      try (SyslogForwarder f = SyslogForwarder.start(config, scheduler)) {
        f.log(SyslogSeverity.INFORMATIONAL, "SYS", "hello över TLS");
        try (Socket s = server.accept()) {
          s.setSoTimeout(5_000);
          assertTrue(frame(s.getInputStream()).endsWith("\uFEFFhello över TLS"));
          f.close();
          assertEquals(1, f.sent());
        }
      }
    }
  }

  @Test
  void log_tlsCertificateForAnotherHost_refusedByDefaultAndCounted() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test ca").build();
    HeldCertificate otherHost = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("syslog.example.com").build();
    HandshakeCertificates serverSide = new HandshakeCertificates.Builder().heldCertificate(otherHost, ca.certificate()).build();
    try (SSLServerSocket server = (SSLServerSocket) serverSide.sslContext().getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(5_000);
      SyslogConfig config = SyslogConfig.builder().tlsTrust(TlsTrust.certificates(List.of(ca.certificate())))
          .addServer(new SyslogServer("localhost", server.getLocalPort(), SyslogTransport.TLS)).build();
      SyslogForwarder f = SyslogForwarder.start(config, scheduler);
      f.log(SyslogSeverity.INFORMATIONAL, "SYS", "must not reach syslog.example.com");
      try (SSLSocket s = (SSLSocket) server.accept()) {
        s.setSoTimeout(5_000);
        assertThrows(IOException.class, s::startHandshake);
      }
      f.close();

      assertEquals(0, f.sent());
      assertEquals(1, f.failures());
    }
  }

  @Test
  void log_tlsServerNeverAnswersHandshake_failsAtConnectTimeoutAndNextServerStillServed() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      tcp.setSoTimeout(30_000);
      SyslogConfig config = SyslogConfig.builder().connectTimeout(Duration.ofMillis(200))
          .addServer(new SyslogServer("localhost", silent.getLocalPort(), SyslogTransport.TLS))
          .addServer(new SyslogServer("127.0.0.1", tcp.getLocalPort(), SyslogTransport.TCP)).build();
      try (SyslogForwarder f = SyslogForwarder.start(config, scheduler)) {
        f.log(SyslogSeverity.WARNING, "SYS", "after the silent one");

        // Before the fix the handshake waited forever and this accept timed out after 30 s.
        try (Socket s = tcp.accept()) {
          s.setSoTimeout(30_000);
          assertTrue(frame(s.getInputStream()).endsWith("after the silent one"));
        }
        assertEquals(1, f.failures());
      }
    }
  }

  @Test
  void log_unreachableTcp_countedAsFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    SyslogConfig config = SyslogConfig.builder().addServer(new SyslogServer("127.0.0.1", port, SyslogTransport.TCP)).build();
    SyslogForwarder f = SyslogForwarder.start(config, scheduler);
    f.log(SyslogSeverity.ERROR, "X", "lost");
    f.close();
    assertEquals(1, f.failures());
    assertEquals(0, f.sent());
    f.log(SyslogSeverity.ERROR, "X", "after close");
    assertEquals(1, f.dropped());
  }

  @Test
  void build_sixServersOrDuplicates_rejected() {
    SyslogConfig.Builder b = SyslogConfig.builder();
    for (int i = 0; i < 6; i++) {
      b.addServer(SyslogServer.of("syslog" + i + ".example.com", SyslogTransport.UDP));
    }
    assertTrue(assertThrows(IllegalArgumentException.class, b::build).getMessage().contains("at most 5"));
    SyslogConfig.Builder dup = SyslogConfig.builder()
        .addServer(SyslogServer.of("a", SyslogTransport.TCP)).addServer(SyslogServer.of("a", SyslogTransport.TCP));
    assertThrows(IllegalArgumentException.class, dup::build);
    assertThrows(IllegalArgumentException.class, () -> new SyslogServer("a", 0, SyslogTransport.UDP));
    assertThrows(IllegalArgumentException.class, () -> SyslogConfig.builder().hostname("has space"));
  }

  private static String frame(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    StringBuilder len = new StringBuilder();
    for (int c = d.read(); c != ' '; c = d.read()) {
      if (c < 0) {
        throw new IOException("stream ended");
      }
      len.append((char) c);
    }
    byte[] msg = new byte[Integer.parseInt(len.toString())];
    d.readFully(msg);
    return new String(msg, StandardCharsets.UTF_8);
  }
}
