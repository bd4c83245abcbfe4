package dev.deepwire.benchmarks.faults;

import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.export.ServingLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;

/**
 * What a killed run left on disk, checked: every checkpoint file loads (complete, checksum right), every version
 * folder of the export base loads as a SavedModel with its serving signature, and temp files and folders are
 * only ever temp names, never listed as versions.
 *
 * @param checkpoints checkpoint files found and read
 * @param tempFiles checkpoint temp files found (a write the kill interrupted)
 * @param exports version folders found and loaded
 * @param exportTemps export temp folders found (an export the kill interrupted)
 * @param problems what is wrong; empty when all is well
 */
record RunAudit(int checkpoints, int tempFiles, int exports, int exportTemps, List<String> problems) {

  /** Audits the run directory {@code out} and the export base {@code exports} (which may lie inside it). */
  static RunAudit of(Path out, Path exports) throws IOException {
    int checkpoints = 0;
    int tempFiles = 0;
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).filter(f -> !f.startsWith(exports))::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tmp")) {
          tempFiles++;
        } else if (name.endsWith(".dwckpt")) {
          checkpoints++;
          try {
            Checkpoints.read(file);
          } catch (IOException e) {
            problems.add("checkpoint " + file + " does not load: " + e.getMessage());
          }
        }
      }
    }
    int loaded = 0;
    int exportTemps = 0;
    TreeSet<Long> numbered = new TreeSet<>();
    if (Files.isDirectory(exports)) {
      try (Stream<Path> children = Files.list(exports)) {
        for (Path child : (Iterable<Path>) children::iterator) {
          String name = child.getFileName().toString();
          if (name.startsWith(".export-")) {
            exportTemps++;
          } else if (name.chars().allMatch(Character::isDigit)) {
            numbered.add(Long.parseLong(name));
            String problem = loadProblem(child);
            if (problem == null) {
              loaded++;
            } else {
              problems.add(problem);
            }
          } else {
            problems.add("unexpected entry " + child + " in the export base");
          }
        }
      }
      if (!new ArrayList<>(numbered).equals(ServingLayout.versions(exports))) {
        problems.add("versions listed " + ServingLayout.versions(exports) + " differ from version folders " + numbered);
      }
    }
    return new RunAudit(checkpoints, tempFiles, loaded, exportTemps, problems);
  }

  /** Null if {@code version} loads as a SavedModel with a serving signature, else what is wrong. */
  private static String loadProblem(Path version) {
    try (SavedModelBundle bundle = SavedModelBundle.load(version.toString(), ServingLayout.TAG)) {
      if (!bundle.metaGraphDef().getSignatureDefMap().containsKey(ServingLayout.SIGNATURE_KEY)) {
        return "export " + version + " has no " + ServingLayout.SIGNATURE_KEY + " signature";
      }
      return null;
    } catch (RuntimeException e) {
      return "export " + version + " does not load: " + e.getMessage();
    }
  }
}
