package dev.deepwire.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.examples.Example;
import dev.deepwire.examples.Examples;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.Schedules;
import dev.deepwire.examples.TrainingAids;
import dev.deepwire.examples.data.DataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The examples' command line: {@code list}, {@code train}, {@code evaluate}, {@code predict}.
 *
 * <p>With {@code --json} the last line on standard output is one JSON object; progress goes to standard
 * error.
 */
@Command(
    name = "deepwire",
    mixinStandardHelpOptions = true,
    version = "Deepwire examples 0.1.0",
    description = "Trains, evaluates and runs the Deepwire example models.",
    subcommands = {
      DeepwireCli.ListCommand.class,
      DeepwireCli.TrainCommand.class,
      DeepwireCli.EvaluateCommand.class,
      DeepwireCli.PredictCommand.class,
      ExportCommand.class,
      ServeCommand.class,
      SampleRequestCommand.class,
      ClusterCommand.class
    })
public final class DeepwireCli implements Runnable {

  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new DeepwireCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // Users get the message, not a stack trace: every error we raise says what is wrong and what to do.
      commandLine.getErr().println("error: " + e.getMessage());
      return e instanceof java.io.IOException ? 3 : 1;
    });
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: list, train, evaluate or predict");
  }

  /** Options shared by the commands that run an example. */
  static final class ExampleOptions {
    @Parameters(index = "0", paramLabel = "<example>", description = "an example name, see `list`")
    String example;

    @Option(names = "--data", defaultValue = "bundled", paramLabel = "bundled|full|DIR",
        description = "bundled subset, the full installed data set, or a directory (default: ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--seed", defaultValue = "42", description = "seed of weights, dropout and shuffling")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
        description = "where the trained weights are saved and read (default: runs/<example>)")
    Path out;

    @Option(names = "--json", description = "end standard output with one JSON object")
    boolean json;

    @Option(names = "--no-progress", negatable = false, description = "no progress bar or epoch lines")
    boolean noProgress;

    Example resolve(CommandLine cli) {
      return Examples.named(example).orElseThrow(() -> new CommandLine.ParameterException(cli,
          "unknown example '" + example + "'; known: "
              + Examples.all().stream().map(Example::name).toList()));
    }

    RunSettings settings(Example e, Integer epochs, Integer batch) {
      return new RunSettings(
          epochs == null ? e.defaultEpochs() : epochs,
          batch == null ? e.defaultBatchSize() : batch,
          DataSource.parse(data), seed,
          out == null ? Path.of("runs", e.name()) : out,
          !noProgress);
    }
  }

  /** {@code list}: the examples. */
  @Command(name = "list", description = "Lists the examples.")
  static final class ListCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      Examples.all().forEach(e -> out.printf("%-12s %s%n", e.name(), e.description()));
    }
  }

  /** {@code train}: trains an example, evaluates it on its test split and saves it. */
  @Command(name = "train", description = "Trains an example, evaluates it on the test split, saves the weights.")
  static final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ExampleOptions options;

    @Option(names = "--epochs", description = "epochs (default: the example's)")
    Integer epochs;

    @Option(names = "--batch", description = "batch size (default: the example's)")
    Integer batch;

    @Option(names = "--lr-schedule", paramLabel = "NAME",
        description = "constant, cosine, step, exponential or warmup-cosine (default: the example's)")
    String learningRateSchedule;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
        description = "stop after PATIENCE epochs without a better validation loss (10 %% held out)")
    int earlyStopping;

    @Option(names = "--resume", description = "back up during training into <out>/backup and resume from it")
    boolean resume;

    @Option(names = "--tensorboard", paramLabel = "DIR", description = "write TensorBoard event files to DIR")
    Path tensorboard;

    @Option(names = "--export-every-epoch", paramLabel = "BASE",
        description = "export a SavedModel version BASE/<epoch>/ after every epoch (BASE must belong to this run)")
    Path exportBase;

    @Option(names = "--cluster", paramLabel = "ps=HOST:PORT,..;worker=HOST:PORT,..",
        description = "train data-parallel on this TensorFlow cluster, as the task --task")
    String cluster;

    @Option(names = "--task", paramLabel = "ps:N|worker:N", description = "this process's task in --cluster; worker:0 is the chief")
    String task;

    @Override
    public Integer call() throws Exception {
      if (epochs != null && epochs < 1 || batch != null && batch < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--epochs and --batch must be >= 1");
      }
      if (earlyStopping < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--early-stopping must be >= 1");
      }
      if (learningRateSchedule != null) {
        try {
          Schedules.parse(learningRateSchedule, 1);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      Example example = options.resolve(spec.commandLine());
      RunSettings base = options.settings(example, epochs, batch);
      RunSettings settings = new RunSettings(base.epochs(), base.batchSize(), base.data(), base.seed(), base.out(),
          base.progress(), new TrainingAids(learningRateSchedule, earlyStopping, resume, tensorboard,
              exportBase));
      Map<String, Object> report = cluster == null && task == null ? example.train(settings)
          : ClusterTask.run(example, settings, cluster, task, spec.commandLine());
      print(spec.commandLine().getOut(), report, options.json);
      return 0;
    }
  }

  /** {@code evaluate}: restores a trained example and evaluates it on the test split. */
  @Command(name = "evaluate", description = "Evaluates the weights saved by `train` on the test split.")
  static final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ExampleOptions options;

    @Override
    public Integer call() throws Exception {
      Example example = options.resolve(spec.commandLine());
      print(spec.commandLine().getOut(), example.evaluate(options.settings(example, null, null)), options.json);
      return 0;
    }
  }

  /** {@code predict}: restores a trained example and shows predictions for test examples. */
  @Command(name = "predict", description = "Shows the saved model's predictions for the first test examples.")
  static final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ExampleOptions options;

    @Option(names = "--count", defaultValue = "10", description = "how many test examples (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--text", paramLabel = "TEXT", description = "predict for this text instead of test examples"
        + " (examples that read text, e.g. g2p)")
    String text;

    @Override
    public Integer call() throws Exception {
      Example example = options.resolve(spec.commandLine());
      PrintWriter out = spec.commandLine().getOut();
      var settings = options.settings(example, null, null);
      var lines = text == null ? example.predict(settings, count) : example.predictText(settings, text);
      if (options.json) {
        out.println(JSON.writeValueAsString(Map.of("example", example.name(), "predictions", lines)));
      } else {
        lines.forEach(out::println);
      }
      return 0;
    }
  }

  static void print(PrintWriter out, Map<String, Object> report, boolean json) throws JsonProcessingException {
    if (json) {
      out.println(JSON.writeValueAsString(report));
    } else {
      report.forEach((key, value) -> out.printf("%-20s %s%n", key,
          value instanceof Double d ? String.format("%.4f", d) : value));
    }
    out.flush();
  }
}
