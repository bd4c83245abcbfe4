package dev.deepwire.examples.rnn;

import com.google.inject.Module;
import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.StatefulPredictor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn}: the character SimpleRNN {@link CharRnn} on Moby Dick, trained with full back-propagation through
 * time and, as {@link CharRnnTruncated}, with truncated BPTT; reports both against a unigram model, and a sample
 * generated step by step by the stateful predictor.
 */
public final class RnnExample implements Example {

  /** The text generation starts from. */
  static final String PROMPT = "call me ishmael. ";

  private static final int SAMPLE_LENGTH = 160;
  private static final double TEMPERATURE = 0.6;

  @Override
  public String name() {
    return "rnn";
  }

  @Override
  public String description() {
    return "character SimpleRNN on Moby Dick, full vs truncated BPTT, bits per character and a generated sample";
  }

  @Override
  public int defaultEpochs() {
    return 10;
  }

  @Override
  public int defaultBatchSize() {
    return 64;
  }

  /** One of the two trainings: its run settings (own output folder), generated module and model class. */
  private record Variant<M>(String prefix, Module module, Class<M> modelClass) {
    RunSettings settings(RunSettings base) {
      return prefix.equals("full") ? base : new RunSettings(base.epochs(), base.batchSize(), base.data(), base.seed(),
          base.out().resolve(prefix), base.progress(), base.training());
    }
  }

  private static final Variant<CharRnn> FULL = new Variant<>("full", new CharRnnModule(), CharRnn.class);
  private static final Variant<CharRnnTruncated> TRUNCATED =
      new Variant<>("truncated", new CharRnnTruncatedModule(), CharRnnTruncated.class);

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    MobyDickChars text = MobyDickChars.load(settings.data());
    Map<String, Object> fullFigures = new LinkedHashMap<>();
    History fullHistory = train(FULL, settings, text, fullFigures);
    Map<String, Object> truncatedFigures = new LinkedHashMap<>();
    train(TRUNCATED, settings, text, truncatedFigures);
    Map<String, Object> report = Reports.training(name(), settings, text.data(), fullHistory);
    report.put("test_accuracy", fullFigures.get("full_test_accuracy"));
    report.put("unigram_bits_per_char", unigramBits(text));
    report.putAll(fullFigures);
    report.put("truncate", CharRnnTruncated.TRUNCATE);
    report.putAll(truncatedFigures);
    report.put("model", settings.checkpoint().toString());
    return report;
  }

  private static <M> History train(Variant<M> variant, RunSettings base, MobyDickChars text,
      Map<String, Object> figures) throws IOException {
    RunSettings settings = variant.settings(base);
    try (ModelRun<M> run = ModelRun.start(variant.module(), variant.modelClass(), settings.seed())) {
      History history = run.fit(text.data().train(), null, settings);
      run.save(settings, settings.epochs());
      figures.putAll(testFigures(variant, run, text));
      figures.put(variant.prefix() + "_seconds_per_epoch", history.trainSeconds() / history.epochs().size());
      try (StatefulPredictor<M> stateful = run.predictor().stateful()) {
        figures.put(variant.prefix() + "_sample", PROMPT + CharSampler.sample(stateful, PROMPT, SAMPLE_LENGTH,
            TEMPERATURE, settings.seed()));
      }
      return history;
    }
  }

  /** Held-out bits per character and accuracy of the next-character prediction. */
  private static Map<String, Object> testFigures(Variant<?> variant, ModelRun<?> run, MobyDickChars text) {
    Map<String, Double> metrics = run.evaluator().evaluate(text.data().test());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put(variant.prefix() + "_test_bits_per_char", metrics.get("loss") / Math.log(2));
    figures.put(variant.prefix() + "_test_accuracy", metrics.get("accuracy"));
    return figures;
  }

  private static double unigramBits(MobyDickChars text) {
    int[] targets = Arrays.copyOfRange(text.testText(), MobyDickChars.CONTEXT, text.testText().length);
    return UnigramBaseline.bitsPerChar(text.trainText(), targets, MobyDickChars.VOCABULARY);
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    MobyDickChars text = MobyDickChars.load(settings.data());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("example", name());
    report.put("test_examples", text.data().test().size());
    report.put("unigram_bits_per_char", unigramBits(text));
    for (Variant<?> variant : List.of(FULL, TRUNCATED)) {
      report.putAll(evaluate(variant, settings, text));
    }
    report.put("test_accuracy", report.get("full_test_accuracy"));
    return report;
  }

  private <M> Map<String, Object> evaluate(Variant<M> variant, RunSettings base, MobyDickChars text)
      throws IOException {
    RunSettings settings = variant.settings(base);
    try (ModelRun<M> run = ModelRun.start(variant.module(), variant.modelClass(), settings.seed())) {
      run.restore(settings, name());
      return testFigures(variant, run, text);
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Variant<?> variant : List.of(FULL, TRUNCATED)) {
      lines.addAll(samples(variant, settings, count));
    }
    return lines;
  }

  private <M> List<String> samples(Variant<M> variant, RunSettings base, int count) throws IOException {
    RunSettings settings = variant.settings(base);
    try (ModelRun<M> run = ModelRun.start(variant.module(), variant.modelClass(), settings.seed())) {
      run.restore(settings, name());
      List<String> lines = new ArrayList<>();
      try (StatefulPredictor<M> stateful = run.predictor().stateful()) {
        for (int i = 0; i < count; i++) {
          lines.add(variant.prefix() + " #" + i + ": " + PROMPT
              + CharSampler.sample(stateful, PROMPT, SAMPLE_LENGTH, TEMPERATURE, settings.seed() + i));
        }
      }
      return lines;
    }
  }
}
