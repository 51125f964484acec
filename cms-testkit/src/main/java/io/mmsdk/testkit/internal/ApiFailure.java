package io.mmsdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not API. A request the simulated CMS refuses: HTTP status plus failureDetails reason, with the
 * reason element's attributes ({@code parameter} and {@code error} of a {@code parameterError}).
 */
public final class ApiFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String reason;
  final transient Map<String, String> attributes;

  ApiFailure(int status, String reason) {
    this(status, reason, Map.of());
  }

  private ApiFailure(int status, String reason, Map<String, String> attributes) {
    super(reason, null, false, false);
    this.status = status;
    this.reason = reason;
    this.attributes = attributes;
  }

  /** {@code 400 <parameterError parameter="name" error="error"/>}: a bad or missing parameter. */
  static ApiFailure parameterError(String parameter, String error) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("parameter", parameter);
    attributes.put("error", error);
    return new ApiFailure(400, "parameterError", attributes);
  }

  /** {@code parameterError} for a value of {@code parameter} that CMS does not accept. */
  static ApiFailure invalidValue(String parameter) {
    return parameterError(parameter, "invalidValue");
  }

  static ApiFailure badRequest(String reason) {
    return new ApiFailure(400, reason);
  }

  static ApiFailure notFound(String reason) {
    return new ApiFailure(404, reason);
  }
}
