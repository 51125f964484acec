package io.mmsdk.cdr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Loads golden files from {@code src/test/resources/cdr}. */
public final class Fixtures {
  private Fixtures() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/cdr/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** Renders a batch one line per record, the form the golden {@code .expected} files hold. */
  public static String render(CdrBatch batch) {
    StringBuilder sb = new StringBuilder();
    sb.append("session=").append(batch.session()).append(" callBridge=").append(batch.callBridge())
        .append('\n');
    sb.append(batch.records().stream().map(Object::toString).collect(Collectors.joining("\n")));
    sb.append('\n');
    batch.unknownElements().forEach(e -> sb.append("unknown ").append(e).append('\n'));
    return sb.toString();
  }
}
