package dev.deepwire.benchmarks.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kills a real example training ({@code train dnn} on the bundled data by default) with {@code SIGKILL} at seeded
 * random points (during training steps, checkpoint writes and SavedModel exports), resumes it each time, and
 * compares the result with an uninterrupted run of the same seed ({@link KillAndResume}). Prints one JSON
 * object; exits 1 if a kill left a corrupt file, a resume failed, or the results differ.
 *
 * <p>Arguments: {@code [--kills 20] [--plan-seed 12] [--epochs 10] [--batch 64] [--seed 42] [--example dnn]
 * [--data bundled] [--work DIR]}.
 */
public final class KillAndResumeHarness {

  private KillAndResumeHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("--kills", "20");
    o.put("--plan-seed", "12");
    o.put("--epochs", "10");
    o.put("--batch", "64");
    o.put("--seed", "42");
    o.put("--example", "dnn");
    o.put("--data", "bundled");
    o.put("--work", "");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!o.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + o.keySet());
      }
      o.put(args[i], args[i + 1]);
    }
    Path work = o.get("--work").isEmpty() ? Files.createTempDirectory("deepwire-kills") : Path.of(o.get("--work"));
    int batch = Integer.parseInt(o.get("--batch"));
    KillAndResume.Settings settings = new KillAndResume.Settings(o.get("--example"), o.get("--data"),
        Integer.parseInt(o.get("--epochs")), batch, Long.parseLong(o.get("--seed")), work, Duration.ofMinutes(10),
        false);
    // Steps aimed at fall within a child's first epoch of the bundled 10,000 training images.
    List<Kill> kills = Kill.plan(Long.parseLong(o.get("--plan-seed")), Integer.parseInt(o.get("--kills")),
        10_000 / batch);
    Map<String, Object> report = KillAndResume.run(settings, kills);
    System.out.println(new ObjectMapper().writeValueAsString(report));
    boolean passed = ((List<?>) report.get("problems")).isEmpty() && Boolean.TRUE.equals(report.get("completed"))
        && report.get("kills_landed").equals(kills.size());
    System.exit(passed ? 0 : 1);
  }
}
