package dev.deepwire.benchmarks.suite;

import dev.deepwire.benchmarks.Harness;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to a build: javac of the examples' {@code @Model} classes with the
 * processor (parse, check, generate, and compile the generated graphs and modules) against javac of the same
 * classes with {@code -proc:none}, alternated in one warm JVM. Prints the median extra milliseconds per model.
 *
 * <p>Usage: {@code ProcessorCost --sources examples/src/main/java [--rounds R]}; the processor and the
 * runtime's annotations come from this JVM's class path.
 */
public final class ProcessorCost {

  private static final String PROCESSOR = "dev.deepwire.processor.DeepwireProcessor";

  private ProcessorCost() {}

  public static void main(String[] args) throws IOException {
    Path sources = Path.of(Harness.option(args, "--sources", "examples/src/main/java"));
    int rounds = Integer.parseInt(Harness.option(args, "--rounds", "5"));
    List<String> models = modelSources(sources);
    String classPath = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Double> with = new ArrayList<>();
    List<Double> without = new ArrayList<>();
    compile(javac, models, classPath, true); // warm-up: javac's own classes JIT-compiled
    compile(javac, models, classPath, false);
    for (int round = 0; round < rounds; round++) {
      boolean processorFirst = round % 2 == 0;
      double plain = processorFirst ? 0 : compile(javac, models, classPath, false);
      with.add(compile(javac, models, classPath, true));
      without.add(processorFirst ? compile(javac, models, classPath, false) : plain);
    }
    List<Double> perModel = new ArrayList<>();
    for (int i = 0; i < with.size(); i++) {
      perModel.add((with.get(i) - without.get(i)) * 1000 / models.size());
    }
    CaseResult.of("deepwire", "examples", "processor_cost_per_model", "ms", perModel)
        .with("models", models.size())
        .with("javac_with_processor_ms", Samples.median(with) * 1000)
        .with("javac_without_processor_ms", Samples.median(without) * 1000)
        .print();
  }

  /** The source files declaring a {@code @Model}. */
  private static List<String> modelSources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).filter(ProcessorCost::declaresModel)
          .map(Path::toString).sorted().toList();
    }
  }

  private static boolean declaresModel(Path file) {
    try {
      return Files.readString(file).contains("\n@Model");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Seconds one javac run took. */
  private static double compile(JavaCompiler javac, List<String> files, String classPath, boolean processor)
      throws IOException {
    Path out = Files.createTempDirectory("processor-cost");
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath, "-implicit:none"));
      if (processor) {
        options.addAll(List.of("-processorpath", classPath, "-processor", PROCESSOR));
      } else {
        options.add("-proc:none");
      }
      long t0 = System.nanoTime();
      boolean ok = javac.getTask(new PrintWriter(OutputStream.nullOutputStream()), fileManager, null, options, null,
          fileManager.getJavaFileObjectsFromStrings(files)).call();
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (!ok) {
        throw new IllegalStateException("javac failed on " + files + (processor ? " with" : " without") + " the processor");
      }
      return seconds;
    } finally {
      try (Stream<Path> written = Files.walk(out)) {
        written.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
