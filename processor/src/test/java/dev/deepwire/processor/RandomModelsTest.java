package dev.deepwire.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.RuntimeOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random model classes through the processor: it never crashes, every broken model is
 * rejected with an error on the line that broke it, every model built valid compiles (and the first
 * {@code deepwire.fuzz.graphs} build their TF graph with the tracked shapes), and every chaotic model is either
 * rejected on its own lines or compiles with its generated code (and builds its graph).
 *
 * <p>Graphs cost most of the run: the default 250 keep CI short; {@code -Ddeepwire.fuzz.graphs=1000} builds all.
 */
class RandomModelsTest {

  private static final long SEED = Long.getLong("deepwire.fuzz.seed", 20261128L);
  private static final int BATCHES = Integer.getInteger("deepwire.fuzz.batches", 8);
  private static final int PER_BATCH = 125;
  private static final int GRAPHS_BUILT = Integer.getInteger("deepwire.fuzz.graphs", 250);

  @Test
  void processorNeverCrashesAndRejectsOnlyOnTheElement() throws Exception {
    long started = System.nanoTime();
    RandomModels random = new RandomModels(SEED);
    int valid = 0;
    int rejected = 0;
    int chaosValid = 0;
    int chaosRejected = 0;
    int graphsBuilt = 0;
    int chaosGraphs = 0;
    long graphNanos = 0;
    for (int batch = 0; batch < BATCHES; batch++) {
      List<RandomModels.Built> built = new ArrayList<>();
      for (int i = 0; i < PER_BATCH; i++) {
        built.add(random.valid("V" + batch + "x" + i));
      }
      Compilation compilation = compile(built.stream().map(RandomModels.Built::model).toList());
      assertClean(compilation, "valid batch " + batch, false);
      valid += built.size();
      if (graphsBuilt < GRAPHS_BUILT) {
        long graphsStarted = System.nanoTime();
        graphsBuilt += buildGraphs(compilation, built, GRAPHS_BUILT - graphsBuilt);
        graphNanos += System.nanoTime() - graphsStarted;
      }

      List<RandomModel> broken = new ArrayList<>();
      for (int i = 0; i < PER_BATCH; i++) {
        broken.add(random.broken("B" + batch + "x" + i));
      }
      Map<String, List<Diagnostic<? extends JavaFileObject>>> errors = settle(broken).errors();
      for (RandomModel model : broken) {
        List<Diagnostic<? extends JavaFileObject>> own = errors.getOrDefault(model.name(), List.of());
        long line = model.lineOf(model.marker());
        if (own.stream().noneMatch(d -> d.getLineNumber() == line)) {
          fail("broken model (" + model.mutation() + ") has no error on line " + line + ", only " + describe(own)
              + ":\n" + model.source());
        }
        rejected++;
      }

      List<RandomModel> chaos = new ArrayList<>();
      for (int i = 0; i < PER_BATCH; i++) {
        chaos.add(random.chaos("C" + batch + "x" + i));
      }
      Settled settled = settle(chaos);
      List<RandomModel> accepted = chaos.stream().filter(m -> !settled.errors().containsKey(m.name())).toList();
      chaosValid += accepted.size();
      if (!accepted.isEmpty()) {
        // No tracked shapes here: the graph must build, train-op included, and run; widths are not checked.
        long graphsStarted = System.nanoTime();
        chaosGraphs += buildGraphs(settled.clean(), accepted.stream().map(m -> new RandomModels.Built(m, null))
            .toList(), accepted.size());
        graphNanos += System.nanoTime() - graphsStarted;
      }
      chaosRejected += chaos.size() - accepted.size();
    }
    System.out.printf(Locale.ROOT, "random models: %d valid compiled, %d broken rejected on the broken line,"
        + " %d chaotic compiled, %d chaotic rejected, %d graphs built (%d chaotic) (%.0f s of %.0f s)%n", valid,
        rejected, chaosValid, chaosRejected, graphsBuilt + chaosGraphs, chaosGraphs, graphNanos / 1e9,
        (System.nanoTime() - started) / 1e9);
    assertEquals(GRAPHS_BUILT, graphsBuilt);
    assertEquals(chaosValid, chaosGraphs);
    assertTrue(chaosValid > 0 && chaosRejected > 0, "chaos should give both outcomes");
  }

  /**
   * The errors of each model that has some. An error javac finds before annotation processing stops processing
   * for the whole batch, so the models without errors are compiled again until a round rejects none of them;
   * that round must then compile cleanly, generated code included.
   */
  private static Settled settle(List<RandomModel> models) {
    Map<String, List<Diagnostic<? extends JavaFileObject>>> all = new LinkedHashMap<>();
    List<RandomModel> remaining = models;
    while (!remaining.isEmpty()) {
      Compilation compilation = compile(remaining);
      Map<String, List<Diagnostic<? extends JavaFileObject>>> errors = errorsByModel(compilation);
      if (errors.isEmpty()) {
        assertClean(compilation, "models without errors", true);
        return new Settled(all, compilation);
      }
      all.putAll(errors);
      remaining = remaining.stream().filter(m -> !errors.containsKey(m.name())).toList();
    }
    return new Settled(all, null);
  }

  /** The errors by model, and the clean compilation of the models without any (null when none is left). */
  private record Settled(Map<String, List<Diagnostic<? extends JavaFileObject>>> errors, Compilation clean) {}

  private static Compilation compile(List<RandomModel> models) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(Sources.source("Tower", RandomModels.TOWER));
    models.forEach(m -> sources.add(Sources.source(m.name(), m.source())));
    return Sources.compile(sources.toArray(JavaFileObject[]::new));
  }

  /** Fails unless the compilation had no errors, and no warnings from Deepwire unless {@code warningsAllowed}. */
  private static void assertClean(Compilation compilation, String what, boolean warningsAllowed) {
    List<Diagnostic<? extends JavaFileObject>> bad = compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR
            || (!warningsAllowed && d.getMessage(Locale.ROOT).startsWith("[")))
        .toList();
    if (!bad.isEmpty() || compilation.status() != Compilation.Status.SUCCESS) {
      fail(what + " should compile cleanly, but: " + describe(bad));
    }
  }

  /**
   * The errors of a compilation by model class name; fails on a processor crash, an error without a position,
   * or an error in generated code.
   */
  private static Map<String, List<Diagnostic<? extends JavaFileObject>>> errorsByModel(Compilation compilation) {
    Map<String, List<Diagnostic<? extends JavaFileObject>>> byModel = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      String message = d.getMessage(Locale.ROOT);
      if (message.contains("[Deepwire/Internal]")) {
        fail("processor crashed: " + message);
      }
      if (d.getSource() == null || d.getLineNumber() < 1) {
        fail("error without a position: " + message);
      }
      String path = d.getSource().toUri().getPath();
      if (path.contains("SOURCE_OUTPUT")) {
        fail("error in generated code " + path + ":" + d.getLineNumber() + ": " + message);
      }
      String file = path.substring(path.lastIndexOf('/') + 1);
      byModel.computeIfAbsent(file.substring(0, file.length() - ".java".length()), k -> new ArrayList<>()).add(d);
    }
    return byModel;
  }

  /**
   * Builds (graph, gradients, train op, session) and runs up to {@code limit} compiled models on zeros; checks the
   * output widths where the generator tracked the shapes.
   */
  private static int buildGraphs(Compilation compilation, List<RandomModels.Built> built, int limit)
      throws ReflectiveOperationException {
    GeneratedClasses classes = new GeneratedClasses(compilation);
    int done = 0;
    for (RandomModels.Built model : built.subList(0, Math.min(limit, built.size()))) {
      ModelGraph<?> graph = (ModelGraph<?>) classes.instantiate("test." + model.model().name() + "Graph");
      try (CompiledModel<?> compiled = CompiledModel.compile(graph, RuntimeOptions.defaults())) {
        ModelSignature signature = compiled.signature();
        Map<String, float[][]> inputs = new LinkedHashMap<>();
        signature.inputs().forEach(in -> inputs.put(in.name(), new float[2][in.size()]));
        Map<String, float[][]> outputs;
        try {
          outputs = compiled.predictor().predict(inputs);
        } catch (RuntimeException e) {
          throw new AssertionError("a valid model fails to run: " + e.getMessage() + "\n" + model.model().source(), e);
        }
        for (int i = 0; model.shapes() != null && i < model.model().members().size(); i++) {
          RandomModel.Member member = model.model().members().get(i);
          if (member.annotations().startsWith("@Output")) {
            int width = model.shapes().get(i).stream().reduce(1, (a, b) -> a * b);
            assertEquals(width, outputs.get(member.name())[1].length, member.name() + " of\n" + model.model().source());
          }
        }
      }
      done++;
    }
    return done;
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(d -> (d.getSource() == null ? "?" : d.getSource().getName()) + ":" + d.getLineNumber() + " "
            + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
