package io.mmsdk.testkit.internal;

/** Not API. A request the simulated CMS refuses: HTTP status plus failureDetails reason. */
public final class ApiFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String reason;

  ApiFailure(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  static ApiFailure badRequest(String reason) {
    return new ApiFailure(400, reason);
  }

  static ApiFailure notFound(String reason) {
    return new ApiFailure(404, reason);
  }
}
