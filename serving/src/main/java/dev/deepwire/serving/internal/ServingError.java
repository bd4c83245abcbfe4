package dev.deepwire.serving.internal;

/** A request failure with the HTTP status TensorFlow Serving answers it with; the message goes to the client. */
public final class ServingError extends RuntimeException {

  private final int status;

  private ServingError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: the request is malformed or does not fit the signature (INVALID_ARGUMENT). */
  public static ServingError badRequest(String message) {
    return new ServingError(400, message);
  }

  /** 401: the bearer token is missing or wrong (UNAUTHENTICATED). */
  public static ServingError unauthorized(String message) {
    return new ServingError(401, message);
  }

  /** 404: no such model, version or signature (NOT_FOUND). */
  public static ServingError notFound(String message) {
    return new ServingError(404, message);
  }

  /** 405: the path exists, not with this method. */
  public static ServingError methodNotAllowed(String message) {
    return new ServingError(405, message);
  }

  /** 413: the body exceeds the configured limit. */
  public static ServingError tooLarge(String message) {
    return new ServingError(413, message);
  }

  /** 429: the batch queue is full (RESOURCE_EXHAUSTED). */
  public static ServingError overloaded(String message) {
    return new ServingError(429, message);
  }

  /** 503: the model has no version loaded yet, or the server is stopping (UNAVAILABLE). */
  public static ServingError unavailable(String message) {
    return new ServingError(503, message);
  }

  /** 500: the session failed for a reason the client cannot fix. */
  public static ServingError internal(String message) {
    return new ServingError(500, message);
  }

  public int status() {
    return status;
  }
}
