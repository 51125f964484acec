package io.mmsdk.admin.syslog;

import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.core.notify.Notification;
import io.mmsdk.core.notify.NotificationListener;
import io.mmsdk.core.notify.Notifications;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends audit and system log lines to the configured syslog servers, each as one RFC 5424 message
 * (UTF-8). Messages are queued and sent by one background thread, so callers never block on the
 * network; TCP and TLS connections are kept open and re-opened on the next message after a failure.
 * When a server cannot be reached the message is dropped for that server and counted in {@link
 * #failures()}; when the queue is full new messages are counted in {@link #dropped()}.
 *
 * <p>Thread-safe. Close it to stop the thread and close connections.
 */
public final class SyslogForwarder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyslogForwarder.class);
  // A distinct instance compared by identity, so no real message can stop the worker.
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String POISON = new String("stop");

  private final SyslogConfig config;
  private final Scheduler scheduler;
  private final BlockingQueue<String> queue;
  private final List<Target> targets = new ArrayList<>();
  private final Thread worker;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  private SyslogForwarder(SyslogConfig config, Scheduler scheduler) {
    this.config = config;
    this.scheduler = scheduler;
    this.queue = new LinkedBlockingQueue<>(config.queueCapacity());
    for (SyslogServer s : config.servers()) {
      targets.add(new Target(s));
    }
    this.worker = new Thread(this::run, "mm-sdk-syslog");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Starts a forwarder for {@code config}; time stamps of system lines come from {@code scheduler}.
   *
   * @param config the servers to forward to and how; not null
   * @param scheduler its clock stamps system lines; not null
   * @return the running forwarder; close it to stop sending
   * @throws io.mmsdk.common.tls.TlsSetupException if a TLS server is listed and the trusted PEM
   *     file is missing or unreadable
   */
  public static SyslogForwarder start(SyslogConfig config, Scheduler scheduler) {
    return new SyslogForwarder(
        Objects.requireNonNull(config, "config == null"), Objects.requireNonNull(scheduler, "scheduler == null"));
  }

  /** {@return the configuration in use} */
  public SyslogConfig config() {
    return config;
  }

  /**
   * Queues a system log line (facility user) with the current Scheduler time.
   *
   * @param msgId short identifier of the kind of message, e.g. {@code "CDR"}; non-printable
   *     characters become '_'
   * @param severity the syslog severity of the line
   * @param text the message, sent as UTF-8 (after the byte order mark RFC 5424 prescribes)
   */
  public void log(SyslogSeverity severity, String msgId, String text) {
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(msgId, "msgId == null");
    Objects.requireNonNull(text, "text == null");
    offer(Rfc5424.format(Rfc5424.FACILITY_USER, severity, scheduler.now(), config.hostname(), config.appName(), msgId, "-", text));
  }

  /**
   * Queues an audit event (facility log audit, severity notice, structured data {@code
   * audit@32473}).
   *
   * @param event the audit event to send; not null
   */
  public void forward(AuditEvent event) {
    Objects.requireNonNull(event, "event == null");
    offer(Rfc5424.audit(event, config.hostname(), config.appName()));
  }

  /**
   * Forwards every future event of {@code trail}; close the registration to stop.
   *
   * @param trail the audit trail to follow; not null
   * @return a registration whose {@code close()} stops forwarding that trail
   */
  public Registration attach(AuditTrail trail) {
    Objects.requireNonNull(trail, "trail == null");
    return trail.addListener(this::forward);
  }

  /**
   * Forwards every future raise and clear of {@code notifications} as a system log line: the
   * notification's source becomes the MSGID; ERROR, WARNING and INFORMATION map to the syslog
   * severities of the same name (INFORMATION to informational); clears are informational.
   *
   * @param notifications the notifications to follow; not null
   * @return a registration whose {@code close()} stops forwarding them
   */
  public Registration attach(Notifications notifications) {
    Objects.requireNonNull(notifications, "notifications == null");
    return notifications.addListener(new NotificationListener() {
      @Override
      public void raised(Notification n) {
        SyslogSeverity sev = switch (n.severity()) {
          case ERROR -> SyslogSeverity.ERROR;
          case WARNING -> SyslogSeverity.WARNING;
          case INFORMATION -> SyslogSeverity.INFORMATIONAL;
        };
        log(sev, n.source(), n.message() + " [" + n.key() + "]");
      }

      @Override
      public void cleared(Notification n) {
        log(SyslogSeverity.INFORMATIONAL, n.source(), "cleared: " + n.message() + " [" + n.key() + "]");
      }
    });
  }

  /** {@return how many (message, server) deliveries succeeded} */
  public long sent() {
    return sent.get();
  }

  /** {@return how many (message, server) deliveries failed} */
  public long failures() {
    return failures.get();
  }

  /** {@return how many messages were dropped because the queue was full or the forwarder closed} */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Stops the thread after the queued messages are sent (waits up to 5 s) and closes connections.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.offer(POISON);
    try {
      worker.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.interrupt();
  }

  private void offer(String message) {
    if (closed || !queue.offer(message)) {
      dropped.incrementAndGet();
    }
  }

  private void run() {
    try {
      while (true) {
        String m = queue.take();
        if (m == POISON) {
          break;
        }
        byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
        for (Target t : targets) {
          if (t.send(bytes)) {
            sent.incrementAndGet();
          } else {
            failures.incrementAndGet();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      targets.forEach(Target::close);
    }
  }

  /** One server's connection state; used only by the worker thread. */
  private final class Target {
    final SyslogServer server;
    /** Verifies the server's certificate and host name in the handshake; null unless TLS. */
    final SSLSocketFactory tls;
    DatagramSocket udp;
    Socket stream;
    OutputStream out;

    Target(SyslogServer server) {
      this.server = server;
      this.tls = server.transport() == SyslogTransport.TLS
          ? config.tlsTrust().client("syslog " + server.host() + ":" + server.port()).socketFactory()
          : null;
    }

    boolean send(byte[] message) {
      try {
        if (server.transport() == SyslogTransport.UDP) {
          if (udp == null) {
            udp = new DatagramSocket();
          }
          udp.send(new DatagramPacket(message, message.length, InetAddress.getByName(server.host()), server.port()));
          return true;
        }
        if (stream == null) {
          connect();
        }
        out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.write(message);
        out.flush();
        return true;
      } catch (IOException e) {
        log.warn("Could not send a syslog message to {}: {}", server, e.toString());
        close();
        return false;
      }
    }

    private void connect() throws IOException {
      Socket s = new Socket();
      try {
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        s.connect(new InetSocketAddress(server.host(), server.port()), timeout);
        if (server.transport() == SyslogTransport.TLS) {
          // Without a read timeout a server that accepts and never answers the handshake would
          // hold the one sending thread, and so every server's messages, forever.
          s.setSoTimeout(timeout);
          SSLSocket secured = (SSLSocket) tls.createSocket(s, server.host(), server.port(), true);
          secured.startHandshake();
          s = secured;
        }
      } catch (IOException e) {
        s.close();
        throw e;
      }
      stream = s;
      out = s.getOutputStream();
    }

    void close() {
      try {
        if (stream != null) {
          stream.close();
        }
      } catch (IOException ignored) {
        // Closing a broken connection; nothing more to do.
      }
      if (udp != null) {
        udp.close();
      }
      stream = null;
      out = null;
      udp = null;
    }
  }
}
