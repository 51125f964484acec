package io.mmsdk.common.tls;

import io.mmsdk.common.MmSdkException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS could not be set up: a PEM or key store file is missing or unreadable, holds no usable
 * certificate or key, or the JVM lacks a TLS algorithm. The message names the file at fault, if
 * any, and says how to fix it; {@link #findFile()} returns that file.
 */
public final class TlsSetupException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** The file that could not be used, or null; a path is serializable only as text. */
  private final String file;

  /**
   * Creates an exception about {@code file}.
   *
   * @param message what went wrong and what to do about it, naming the file
   * @param file the file that could not be used, or null
   * @param cause the underlying failure, or null
   */
  public TlsSetupException(String message, Path file, Throwable cause) {
    super(message, cause);
    this.file = file == null ? null : file.toString();
  }

  /** {@return the file that could not be read or used, if the failure was about a file} */
  public Optional<Path> findFile() {
    return Optional.ofNullable(file).map(Path::of);
  }
}
