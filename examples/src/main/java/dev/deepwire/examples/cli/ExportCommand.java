package dev.deepwire.examples.cli;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Types;
import dev.deepwire.examples.Example;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.cnn.FashionCnn;
import dev.deepwire.examples.cnn.FashionCnnModule;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.examples.regression.WineRegression;
import dev.deepwire.examples.regression.WineRegressionModule;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.export.ServingLayout;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: writes the weights saved by {@code train} as a TensorFlow Serving SavedModel version. */
@Command(name = "export",
    description = "Exports the weights saved by `train` as a SavedModel version <model-base>/<version>/ for `serve`.")
final class ExportCommand implements Callable<Integer> {

  /** The generated module and model class of each exportable example. */
  private record Exportable(Module module, Class<?> modelClass) {}

  private static final Map<String, Exportable> EXPORTABLE = Map.of(
      "dnn", new Exportable(new FashionDnnModule(), FashionDnn.class),
      "cnn", new Exportable(new FashionCnnModule(), FashionCnn.class),
      "regression", new Exportable(new WineRegressionModule(), WineRegression.class));

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DeepwireCli.ExampleOptions options;

  @Option(names = "--model-base", required = true, paramLabel = "BASE",
      description = "the model's base folder; the export goes to BASE/<version>/")
  Path modelBase;

  @Option(names = "--version", description = "the version number (default: one above the highest in BASE)")
  Long version;

  @Override
  public Integer call() throws Exception {
    Example example = options.resolve(spec.commandLine());
    Exportable exportable = EXPORTABLE.get(example.name());
    if (exportable == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "example '" + example.name() + "' cannot be exported yet; exportable: " + EXPORTABLE.keySet());
    }
    RunSettings settings = options.settings(example, null, null);
    if (!Files.exists(settings.checkpoint())) {
      throw new FileNotFoundException("no trained '" + example.name() + "' model at " + settings.checkpoint()
          + ": run `train " + example.name() + " --out " + settings.out() + "` first");
    }
    long chosen = version != null ? version : ServingLayout.nextVersion(modelBase);
    @SuppressWarnings("unchecked")
    Key<CompiledModel<?>> key = (Key<CompiledModel<?>>) Key.get(
        Types.newParameterizedType(CompiledModel.class, exportable.modelClass()));
    try (CompiledModel<?> model = Guice.createInjector(exportable.module()).getInstance(key)) {
      Checkpoints.restore(model, settings.checkpoint());
      Path written = model.export(modelBase, chosen);
      spec.commandLine().getOut().println("exported " + example.name() + " version " + chosen + " to " + written);
    }
    return 0;
  }
}
