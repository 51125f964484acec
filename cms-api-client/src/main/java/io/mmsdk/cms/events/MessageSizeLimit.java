package io.mmsdk.cms.events;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Bounds the memory one Events message can take. OkHttp reads a whole WebSocket message into
 * memory before handing it over and has no size limit of its own, so this counts the bytes the
 * socket reads since the last delivered message ({@link #reset()}) and fails the read once they
 * pass the limit. Compression is never negotiated, because an inflated message is not bounded by
 * the bytes on the wire.
 */
final class MessageSizeLimit {
  private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

  private final long limit;
  private final AtomicLong sinceLastMessage = new AtomicLong();
  // Set before TooLarge is thrown: TLS may report the failed read without TooLarge in its cause chain.
  private volatile boolean tripped;

  MessageSizeLimit(long limit) {
    this.limit = limit;
  }

  /** The socket read more than the limit without completing a message. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("more than " + limit + " bytes arrived without completing a message");
    }
  }

  long limit() {
    return limit;
  }

  /** Starts a new count: a message was delivered or a connection is being opened. */
  void reset() {
    sinceLastMessage.set(0);
    tripped = false;
  }

  /** Returns whether the limit failed a read since the last {@link #reset()}. */
  boolean tripped() {
    return tripped;
  }

  /**
   * Applies the limit to {@code builder}. The byte count needs the socket factory, so a caller's
   * own socket factory is kept and then only delivered messages are checked (by the caller).
   */
  void apply(OkHttpClient.Builder builder, SocketFactory current) {
    builder.addInterceptor(MessageSizeLimit::withoutCompression);
    if (current == SocketFactory.getDefault()) {
      builder.socketFactory(new CountingSocketFactory());
    }
  }

  private static Response withoutCompression(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request().newBuilder().removeHeader(EXTENSIONS).build());
    // A server that names permessage-deflate unasked is ignored; its compressed frames then fail.
    return response.newBuilder().removeHeader(EXTENSIONS).build();
  }

  private final class CountingSocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() {
      return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return open(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return open(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return open(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
      return open(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket open(SocketAddress remote, SocketAddress local) throws IOException {
      Socket s = new CountingSocket();
      if (local != null) {
        s.bind(local);
      }
      s.connect(remote);
      return s;
    }
  }

  /** A plain socket whose input counts against the limit; TLS is layered on top of it. */
  private final class CountingSocket extends Socket {
    private InputStream counted;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new FilterInputStream(super.getInputStream()) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
              count(n);
            }
            return n;
          }
        };
      }
      return counted;
    }

    private void count(int n) throws TooLarge {
      if (sinceLastMessage.addAndGet(n) > limit) {
        tripped = true;
        throw new TooLarge(limit);
      }
    }
  }
}
