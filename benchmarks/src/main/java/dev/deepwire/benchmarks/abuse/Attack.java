package dev.deepwire.benchmarks.abuse;

import java.util.Set;

/**
 * One kind of hostile request and the answers that are right for it.
 *
 * @param name what it tries, for the report
 * @param request the raw bytes sent
 * @param expected the acceptable status codes ({@link RawHttp#CLOSED} where hanging up is a fine answer to
 *     broken HTTP framing)
 * @param hangUpAfter close the socket after this many bytes; -1 to send everything
 */
record Attack(String name, byte[] request, Set<Integer> expected, int hangUpAfter) {

  Attack(String name, byte[] request, Set<Integer> expected) {
    this(name, request, expected, -1);
  }
}
