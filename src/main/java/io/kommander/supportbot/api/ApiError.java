package io.kommander.supportbot.api;

/** A 4xx answer of the API, written as {@code {"error","message"}}. */
final class ApiError extends Exception {
  /** The body of every API refusal, as openapi.yaml's Error. */
  record Body(String error, String message) {}

  final int status;
  final String code;

  ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }
}
