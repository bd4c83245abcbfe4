package dev.deepwire.benchmarks.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A small abuse run ({@link AbuseHarness} runs 10,000 hostile requests): the server holds. */
class ServerAbuseTest {

  @Test
  void hostileRequestsGetClientErrorsWhileGoodOnesAndVersionSwapsSucceed() throws Exception {
    AbuseReport report = AbuseHarness.run(new ServerAbuse.Options(800, 3, 2, 200, 2, 50, 2, 7), 0);
    String figures = report.json() + " " + report.misansweredExamples();
    assertEquals(800, report.hostileRequests(), figures);
    assertEquals(0, report.hostileServerErrors(), figures);
    assertEquals(0, report.misanswered(), figures);
    assertEquals(0, report.goodFailed(), figures);
    assertEquals(2, report.swaps(), figures);
    assertTrue(report.serverUp(), figures);
    assertTrue(report.hostileByStatus().containsKey(400) && report.hostileByStatus().containsKey(413)
        && report.hostileByStatus().containsKey(401) && report.hostileByStatus().containsKey(404), figures);
  }
}
