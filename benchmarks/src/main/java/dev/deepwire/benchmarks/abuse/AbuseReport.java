package dev.deepwire.benchmarks.abuse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an abuse run measured.
 *
 * @param hostileByStatus answers to hostile requests by status code ({@code -1} closed, {@code -2} timed out)
 * @param hostileServerErrors hostile requests answered 5xx, but for 505 (HTTP's answer to {@code HTTP/9.9})
 * @param misanswered hostile requests answered with a status not right for them, with examples
 * @param goodFailed good requests (fast or slow) not answered 200
 * @param swaps versions hot-swapped during the abuse
 * @param serverUp whether {@code /health} answered 200 at the end
 */
record AbuseReport(int hostileRequests, Map<Integer, Integer> hostileByStatus, int hostileServerErrors,
    int misanswered, List<String> misansweredExamples, int goodRequests, int slowRequests, int goodFailed,
    double quietP50Millis, double quietP99Millis, double abuseP50Millis, double abuseP99Millis, int swaps,
    int idleConnections, boolean serverUp, long rssStartMb, long rssEndMb) {

  double p99Ratio() {
    return abuseP99Millis / quietP99Millis;
  }

  /** One JSON object with every figure (the last line the harness prints). */
  String json() {
    String statuses = hostileByStatus.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    return String.format(Locale.ROOT, "{\"hostile_requests\": %d, \"hostile_by_status\": %s,"
        + " \"hostile_5xx\": %d, \"hostile_misanswered\": %d, \"good_requests\": %d, \"slow_requests\": %d,"
        + " \"good_failed\": %d, \"quiet_p50_ms\": %.2f, \"quiet_p99_ms\": %.2f, \"abuse_p50_ms\": %.2f,"
        + " \"abuse_p99_ms\": %.2f, \"p99_ratio\": %.2f, \"swaps\": %d, \"idle_connections\": %d,"
        + " \"server_up\": %b, \"rss_start_mb\": %d, \"rss_end_mb\": %d}", hostileRequests, statuses,
        hostileServerErrors, misanswered, goodRequests, slowRequests, goodFailed, quietP50Millis, quietP99Millis,
        abuseP50Millis, abuseP99Millis, p99Ratio(), swaps, idleConnections, serverUp, rssStartMb, rssEndMb);
  }
}
