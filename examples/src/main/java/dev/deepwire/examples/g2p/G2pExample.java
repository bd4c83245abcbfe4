package dev.deepwire.examples.g2p;

import com.google.inject.Module;
import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.History;
import dev.deepwire.runtime.LearningRateSchedule;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.plots.HeatMap;
import dev.deepwire.runtime.sequence.BeamSearch;
import dev.deepwire.runtime.sequence.ErrorRates;
import dev.deepwire.runtime.sequence.TokenVocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code g2p}: CMUdict grapheme to phoneme, trained twice with teacher forcing — with attention
 * ({@link G2pAttention}) and without ({@link G2pPlain}) — and scored on held-out words by phoneme and word
 * error rate (PER, WER) of greedy and beam-search transcriptions. The teacher-forced token accuracy beside the
 * free-running one shows what teacher forcing hides: at generation time the decoder reads its own mistakes.
 * {@code transformer-g2p} ({@link #transformer()}) is the same task, split and scores with a transformer
 * encoder-decoder ({@link G2pTransformer}).
 */
public final class G2pExample implements Example {

  private static final Logger LOG = LoggerFactory.getLogger(G2pExample.class);

  /** The split seed: fixed, so every run holds out the same words. */
  private static final long SPLIT_SEED = 7;
  /** Beam width of the reported beam search. */
  private static final int BEAM = 4;
  /**
   * Held-out words {@code train} transcribes by beam search (all of them on the bundled sample): beam search costs
   * about four greedy decodings, too long for every word of the full dictionary at the end of a training run.
   * {@code evaluate} transcribes every held-out word.
   */
  private static final int TRAIN_BEAM_WORDS = 2000;

  private final String name;
  private final String description;
  private final int defaultEpochs;
  /** The models trained, the first one the example's own: it transcribes for {@code predict}. */
  private final List<Variant> variants;

  /** {@code g2p}: recurrent encoder-decoders with and without attention. */
  public G2pExample() {
    this("g2p", "CMUdict grapheme -> phoneme: Bi-LSTM encoder, LSTM decoder with and without attention; PER and"
        + " WER", 12, List.of(Variant.ATTENTION, Variant.PLAIN));
  }

  private G2pExample(String name, String description, int defaultEpochs, List<Variant> variants) {
    this.name = name;
    this.description = description;
    this.defaultEpochs = defaultEpochs;
    this.variants = variants;
  }

  /** {@code transformer-g2p}: a transformer encoder-decoder on the same words. */
  public static G2pExample transformer() {
    return new G2pExample("transformer-g2p", "CMUdict grapheme -> phoneme: transformer encoder-decoder; PER and WER",
        20, List.of(Variant.TRANSFORMER));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int defaultEpochs() {
    return defaultEpochs;
  }

  @Override
  public int defaultBatchSize() {
    return 128;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    G2pData data = G2pData.load(settings.data(), SPLIT_SEED);
    TrainTest columns = new TrainTest(G2pData.columns(data.train()), G2pData.columns(data.test()));
    Map<String, Object> report = null;
    for (Variant variant : variants) {
      try (ModelRun<?> run = variant.start(settings.seed())) {
        History history = run.fit(columns.train(), null, settings, variant.schedule());
        Checkpoints.save(run.model(), checkpoint(variant, settings), settings.epochs());
        if (report == null) {
          report = Reports.training(name(), settings, columns, history);
        }
        report.put(variant.key + "_train_seconds", history.trainSeconds());
        Map<String, Object> scores = scores(run, variant, columns.test(), data.test(), TRAIN_BEAM_WORDS);
        // Each model takes a long time on the full dictionary: show its figures as soon as they exist.
        LOG.info("g2p {}: {}", variant.key, scores);
        report.putAll(scores);
        if (variant == primary()) {
          report.put("attention_maps", drawAttention(run, data.test().subList(0, 3), settings.out()));
        }
      }
    }
    report.put("model", settings.checkpoint().toString());
    return report;
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) throws IOException {
    G2pData data = G2pData.load(settings.data(), SPLIT_SEED);
    Dataset test = G2pData.columns(data.test());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("example", name());
    report.put("test_examples", data.test().size());
    for (Variant variant : variants) {
      // A run stopped after the first model (the long one on the full dictionary) is still evaluated.
      if (variant != primary() && !java.nio.file.Files.exists(checkpoint(variant, settings))) {
        continue;
      }
      try (ModelRun<?> run = variant.start(settings.seed())) {
        restore(run, variant, settings);
        report.putAll(scores(run, variant, test, data.test(), Integer.MAX_VALUE));
      }
    }
    return report;
  }

  @Override
  public List<String> predict(RunSettings settings, int count) throws IOException {
    G2pData data = G2pData.load(settings.data(), SPLIT_SEED);
    List<Pronunciation> words = data.test().subList(0, Math.min(count, data.test().size()));
    List<List<String>> spelled = transcribe(settings, words.stream().map(Pronunciation::word).toList());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      lines.add(String.format("%s -> %s (dictionary: %s)", words.get(i).word(), String.join(" ", spelled.get(i)),
          String.join(" ", words.get(i).phonemes())));
    }
    return lines;
  }

  @Override
  public List<String> predictText(RunSettings settings, String text) throws IOException {
    List<String> words = List.of(text.trim().toLowerCase(Locale.ROOT).split("\\s+"));
    List<List<String>> spelled = transcribe(settings, words);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      lines.add(words.get(i) + " -> " + String.join(" ", spelled.get(i)));
    }
    return lines;
  }

  /** Beam-search transcriptions by the example's own saved model. */
  private List<List<String>> transcribe(RunSettings settings, List<String> words) throws IOException {
    for (String word : words) {
      G2pData.letters(word); // a clear error for a word the model cannot read, before loading anything
    }
    try (ModelRun<?> run = primary().start(settings.seed())) {
      restore(run, primary(), settings);
      return new Transcriber(run.model()).transcribe(words, new BeamSearch(BEAM, G2pData.PHONEMES, 0));
    }
  }

  /** Teacher-forced accuracy, then greedy and beam-search error rates on held-out words. */
  private static Map<String, Object> scores(ModelRun<?> run, Variant variant, Dataset test,
      List<Pronunciation> words, int beamWordLimit) {
    Map<String, Object> out = new LinkedHashMap<>();
    String key = variant.key;
    out.put(key + "_teacher_forced_token_accuracy", run.evaluator().evaluate(test).get("accuracy"));
    Transcriber transcriber = new Transcriber(run.model());
    ErrorRates greedy = transcriber.score(words, BeamSearch.greedy(G2pData.PHONEMES));
    out.put(key + "_free_running_token_accuracy", greedy.tokenAccuracy());
    out.put(key + "_per", greedy.tokenErrorRate());
    out.put(key + "_wer", greedy.sequenceErrorRate());
    List<Pronunciation> beamWords = words.subList(0, Math.min(beamWordLimit, words.size()));
    ErrorRates beam = transcriber.score(beamWords, new BeamSearch(BEAM, G2pData.PHONEMES, 0));
    out.put(key + "_beam" + BEAM + "_per", beam.tokenErrorRate());
    out.put(key + "_beam" + BEAM + "_wer", beam.sequenceErrorRate());
    out.put(key + "_beam_words", beamWords.size());
    return out;
  }

  /** Heat maps of where the decoder looked while spelling {@code words}; returns the PNG paths. */
  private static List<String> drawAttention(ModelRun<?> run, List<Pronunciation> words, Path dir) throws IOException {
    Transcriber transcriber = new Transcriber(run.model());
    List<List<String>> spelled =
        transcriber.transcribe(words.stream().map(Pronunciation::word).toList(), BeamSearch.greedy(G2pData.PHONEMES));
    List<String> files = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i).word();
      float[][] weights = transcriber.attention(word, spelled.get(i));
      List<String> letters = TokenVocabulary.characters(word);
      float[][] shown = new float[weights.length][letters.size()];
      for (int r = 0; r < weights.length; r++) {
        System.arraycopy(weights[r], 0, shown[r], 0, letters.size());
      }
      List<String> rows = new ArrayList<>(spelled.get(i));
      rows.add("<eos>");
      Path png = dir.resolve("attention-" + word.replace('\'', '_') + ".png");
      HeatMap.write(png, "attention: " + word, letters, rows, shown);
      files.add(png.toString());
    }
    return files;
  }

  private void restore(ModelRun<?> run, Variant variant, RunSettings settings) throws IOException {
    Path file = checkpoint(variant, settings);
    if (!java.nio.file.Files.exists(file)) {
      throw new java.io.FileNotFoundException("no trained '" + name + "' model at " + file + ": run `train " + name
          + " --out " + settings.out() + "` first");
    }
    Checkpoints.restore(run.model(), file);
  }

  private Variant primary() {
    return variants.get(0);
  }

  /** The example's own model is saved where every example saves; the others beside it, by key. */
  private Path checkpoint(Variant variant, RunSettings settings) {
    return variant == primary() ? settings.checkpoint() : settings.out().resolve(variant.key + ".dwckpt");
  }

  /** The trained models. */
  private enum Variant {
    ATTENTION("attention"),
    PLAIN("plain"),
    TRANSFORMER("transformer");

    final String key;

    Variant(String key) {
      this.key = key;
    }

    ModelRun<?> start(long seed) {
      return switch (this) {
        case ATTENTION -> ModelRun.start((Module) new G2pAttentionModule(), G2pAttention.class, seed);
        case PLAIN -> ModelRun.start((Module) new G2pPlainModule(), G2pPlain.class, seed);
        case TRANSFORMER -> ModelRun.start((Module) new G2pTransformerModule(), G2pTransformer.class, seed);
      };
    }

    /**
     * Transformers train badly at full rate from random weights: warm up over the first tenth of the steps
     * (at most 400), then decay along a cosine.
     */
    LearningRateSchedule schedule() {
      if (this != TRANSFORMER) {
        return LearningRateSchedule.constant();
      }
      return progress -> {
        long warmup = Math.max(1, Math.min(400, progress.totalSteps() / 10));
        return LearningRateSchedule.warmupCosine(warmup, 0.05).rate(progress);
      };
    }
  }
}
