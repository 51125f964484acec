package io.mmsdk.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import javax.net.ServerSocketFactory;

/**
 * Not API. Server sockets that always set SO_REUSEADDR, so a restarted bridge can bind its old port
 * while connections from its previous life linger in TIME_WAIT, and accept with TCP_NODELAY.
 */
final class ReusableServerSockets extends ServerSocketFactory {
  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new Reusable();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket s = new Reusable();
    s.bind(new java.net.InetSocketAddress(port));
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket s = new Reusable();
    s.bind(new java.net.InetSocketAddress(port), backlog);
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket s = new Reusable();
    s.bind(new java.net.InetSocketAddress(address, port), backlog);
    return s;
  }

  private static final class Reusable extends ServerSocket {
    Reusable() throws IOException {
      super.setReuseAddress(true);
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
      super.setReuseAddress(true);
    }

    /** Disables Nagle so small replies are not held back by the client's delayed ACK (~40 ms). */
    @Override
    public java.net.Socket accept() throws IOException {
      java.net.Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
