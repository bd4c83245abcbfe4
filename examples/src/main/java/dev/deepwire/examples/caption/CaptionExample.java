package dev.deepwire.examples.caption;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.sequence.BeamSearch;
import dev.deepwire.runtime.sequence.Hypothesis;
import dev.deepwire.runtime.sequence.SequenceGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code caption}: vec2seq on strips of real handwritten digits; exact-match rate of the generated captions on
 * held-out strips made of unseen digit images.
 */
public final class CaptionExample implements Example {

  private static final long SEED = 11;
  private static final int TRAIN_STRIPS = 20_000;
  private static final int TEST_STRIPS = 2_000;

  @Override
  public String name() {
    return "caption";
  }

  @Override
  public String description() {
    return "vec2seq: CNN code vector of a strip of 1-4 handwritten digits -> GRU decoder spelling them as words";
  }

  @Override
  public int defaultEpochs() {
    return 10;
  }

  @Override
  public int defaultBatchSize() {
    return 64;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    TrainTest data = DigitStrips.load(settings.data(), TRAIN_STRIPS, TEST_STRIPS, SEED);
    try (ModelRun<DigitCaptioner> run = start(settings)) {
      History history = run.fit(data.train(), null, settings);
      run.save(settings, settings.epochs());
      Map<String, Object> report = Reports.training(name(), settings, data, history);
      report.putAll(scores(run, data.test()));
      report.put("model", settings.checkpoint().toString());
      return report;
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    TrainTest data = DigitStrips.load(settings.data(), TRAIN_STRIPS, TEST_STRIPS, SEED);
    try (ModelRun<DigitCaptioner> run = start(settings)) {
      run.restore(settings, name());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("example", name());
      report.put("test_examples", data.test().size());
      report.putAll(scores(run, data.test()));
      return report;
    }
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    TrainTest data = DigitStrips.load(settings.data(), TRAIN_STRIPS, TEST_STRIPS, SEED);
    try (ModelRun<DigitCaptioner> run = start(settings)) {
      run.restore(settings, name());
      Dataset test = data.test().slice(0, Math.min(count, data.test().size()));
      List<Hypothesis> captions = generate(run, test, BeamSearch.greedy(DigitStrips.WORDS));
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        lines.add(String.format("#%d: %s (actual: %s)", i,
            String.join(" ", DigitStrips.VOCABULARY.decode(captions.get(i).tokens())),
            String.join(" ", DigitStrips.caption(test, i))));
      }
      return lines;
    }
  }

  private static ModelRun<DigitCaptioner> start(RunSettings settings) {
    return ModelRun.start(new DigitCaptionerModule(), DigitCaptioner.class, settings.seed());
  }

  /** Teacher-forced word accuracy and the exact-match rates of greedy and beam-search captions. */
  private static Map<String, Object> scores(ModelRun<DigitCaptioner> run, Dataset test) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("teacher_forced_word_accuracy", run.evaluator().evaluate(test).get("accuracy"));
    out.put("test_exact_match", exactMatch(test, generate(run, test, BeamSearch.greedy(DigitStrips.WORDS))));
    out.put("test_exact_match_beam3", exactMatch(test, generate(run, test, new BeamSearch(3, DigitStrips.WORDS, 0))));
    return out;
  }

  private static List<Hypothesis> generate(ModelRun<DigitCaptioner> run, Dataset strips, BeamSearch search) {
    float[][] rows = new float[strips.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = strips.floats("strip").example(i);
    }
    return SequenceGenerator.of(run.model(), "words").generate(Map.of("strip", rows), search);
  }

  private static double exactMatch(Dataset strips, List<Hypothesis> captions) {
    int right = 0;
    for (int i = 0; i < strips.size(); i++) {
      right += DigitStrips.caption(strips, i).equals(DigitStrips.VOCABULARY.decode(captions.get(i).tokens())) ? 1 : 0;
    }
    return right / (double) strips.size();
  }
}
