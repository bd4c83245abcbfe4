package dev.deepwire.serving.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The optional shared secret of a server: requests carry it as {@code Authorization: Bearer <token>}. */
final class BearerToken {

  private static final String SCHEME = "Bearer ";

  private final byte[] expected;

  /** A check of {@code token}; an empty token lets every request through. */
  BearerToken(String token) {
    this.expected = token.isEmpty() ? null : token.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Passes when no token is configured or {@code authorization} carries it.
   *
   * @throws ServingError 401 otherwise
   */
  void check(String authorization) {
    if (expected == null) {
      return;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw ServingError.unauthorized("this server needs an 'Authorization: Bearer <token>' header");
    }
    byte[] given = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.US_ASCII);
    // Constant time, so response timing does not reveal how much of a guess was right.
    if (!MessageDigest.isEqual(expected, given)) {
      throw ServingError.unauthorized("the bearer token is wrong");
    }
  }
}
