package io.mmsdk.cms.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Bounds how much of a reply is ever read, so no reply can exhaust memory. A successful reply
 * larger than the limit fails with {@link TooLarge} as soon as its declared length or its bytes
 * pass the limit; the body is streamed, never buffered here. An error reply's body is only read for
 * its {@code <failureDetails>}: it is cut at {@value #ERROR_BODY_LIMIT} bytes, so the status still
 * reaches the caller.
 */
public final class ReplySizeLimit implements Interceptor {
  /** How much of an error reply's body is read; a {@code <failureDetails>} body is under 1 KiB. */
  static final long ERROR_BODY_LIMIT = 64 * 1024;

  private final long limit;

  /** Creates an interceptor failing successful replies over {@code limit} bytes. */
  public ReplySizeLimit(long limit) {
    this.limit = limit;
  }

  /** A successful reply passed the limit; carries the limit for the caller's message. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    /** The limit the reply passed, in bytes. */
    public final long limit;

    TooLarge(long limit, String message) {
      super(message);
      this.limit = limit;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    // 101 is the Events WebSocket upgrade, whose frames are bounded by EventsConnection instead.
    if (body == null || response.code() == 101) {
      return response;
    }
    if (!response.isSuccessful()) {
      return response.newBuilder().body(new Limited(body, Math.min(limit, ERROR_BODY_LIMIT), false)).build();
    }
    long declared = body.contentLength();
    if (declared > limit) {
      body.close();
      throw new TooLarge(limit, "the reply declares " + declared + " bytes, over the limit of " + limit + " bytes");
    }
    return response.newBuilder().body(new Limited(body, limit, true)).build();
  }

  /** A body that fails ({@code strict}) or ends (not {@code strict}) after {@code limit} bytes. */
  private static final class Limited extends ResponseBody {
    private final ResponseBody delegate;
    private final boolean strict;
    private final BufferedSource source;

    Limited(ResponseBody delegate, long limit, boolean strict) {
      this.delegate = delegate;
      this.strict = strict;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        private long read;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          long remaining = limit - read;
          if (!strict && remaining == 0) {
            return -1;
          }
          // Strict: one byte past the limit proves the reply too large (max() guards the overflow).
          long n = super.read(sink, Math.min(byteCount, strict ? Math.max(remaining, remaining + 1) : remaining));
          if (n > 0) {
            read += n;
          }
          if (read > limit) {
            throw new TooLarge(limit, "the reply is larger than the limit of " + limit + " bytes");
          }
          return n;
        }
      });
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return strict ? delegate.contentLength() : -1;
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
