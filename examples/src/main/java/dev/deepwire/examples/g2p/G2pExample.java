package dev.deepwire.examples.g2p;

import com.google.inject.Module;
import dev.deepwire.examples.Example;
import dev.deepwire.examples.ModelRun;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.History;
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
 */
public final class G2pExample implements Example {

  private static final Logger LOG = LoggerFactory.getLogger(G2pExample.class);

  /** The split seed: fixed, so every run holds out the same words. */
  private static final long SPLIT_SEED = 7;
  /** Beam width of the reported beam search. */
  private static final int BEAM = 4;
  /** Held-out words transcribed by beam search (all of them on the bundled sample). */
  private static final int BEAM_WORDS = 2000;
  private static final String PLAIN_CHECKPOINT = "plain.dwckpt";

  @Override
  public String name() {
    return "g2p";
  }

  @Override
  public String description() {
    return "CMUdict grapheme -> phoneme: Bi-LSTM encoder, LSTM decoder with and without attention; PER and WER";
  }

  @Override
  public int defaultEpochs() {
    return 12;
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
    for (Variant variant : Variant.values()) {
      try (ModelRun<?> run = variant.start(settings.seed())) {
        History history = run.fit(columns.train(), null, settings);
        Checkpoints.save(run.model(), variant.checkpoint(settings), settings.epochs());
        if (report == null) {
          report = Reports.training(name(), settings, columns, history);
        }
        report.put(variant.key + "_train_seconds", history.trainSeconds());
        Map<String, Object> scores = scores(run, variant, columns.test(), data.test());
        // Each model takes a long time on the full dictionary: show its figures as soon as they exist.
        LOG.info("g2p {}: {}", variant.key, scores);
        report.putAll(scores);
        if (variant == Variant.ATTENTION) {
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
    for (Variant variant : Variant.values()) {
      // A run stopped after the attention model (the long one on the full dictionary) is still evaluated.
      if (variant != Variant.ATTENTION && !java.nio.file.Files.exists(variant.checkpoint(settings))) {
        continue;
      }
      try (ModelRun<?> run = variant.start(settings.seed())) {
        restore(run, variant, settings);
        report.putAll(scores(run, variant, test, data.test()));
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

  /** Beam-search transcriptions by the saved attention model. */
  private List<List<String>> transcribe(RunSettings settings, List<String> words) throws IOException {
    for (String word : words) {
      G2pData.letters(word); // a clear error for a word the model cannot read, before loading anything
    }
    try (ModelRun<?> run = Variant.ATTENTION.start(settings.seed())) {
      restore(run, Variant.ATTENTION, settings);
      return new Transcriber(run.model()).transcribe(words, new BeamSearch(BEAM, G2pData.PHONEMES, 0));
    }
  }

  /** Teacher-forced accuracy, then greedy and beam-search error rates on held-out words. */
  private static Map<String, Object> scores(ModelRun<?> run, Variant variant, Dataset test,
      List<Pronunciation> words) {
    Map<String, Object> out = new LinkedHashMap<>();
    String key = variant.key;
    out.put(key + "_teacher_forced_token_accuracy", run.evaluator().evaluate(test).get("accuracy"));
    Transcriber transcriber = new Transcriber(run.model());
    ErrorRates greedy = transcriber.score(words, BeamSearch.greedy(G2pData.PHONEMES));
    out.put(key + "_free_running_token_accuracy", greedy.tokenAccuracy());
    out.put(key + "_per", greedy.tokenErrorRate());
    out.put(key + "_wer", greedy.sequenceErrorRate());
    List<Pronunciation> beamWords = words.subList(0, Math.min(BEAM_WORDS, words.size()));
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

  private static void restore(ModelRun<?> run, Variant variant, RunSettings settings) throws IOException {
    Path file = variant.checkpoint(settings);
    if (!java.nio.file.Files.exists(file)) {
      throw new java.io.FileNotFoundException("no trained 'g2p' model at " + file + ": run `train g2p --out "
          + settings.out() + "` first");
    }
    Checkpoints.restore(run.model(), file);
  }

  /** The two trained models. */
  private enum Variant {
    ATTENTION("attention"),
    PLAIN("plain");

    final String key;

    Variant(String key) {
      this.key = key;
    }

    ModelRun<?> start(long seed) {
      return this == ATTENTION
          ? ModelRun.start((Module) new G2pAttentionModule(), G2pAttention.class, seed)
          : ModelRun.start((Module) new G2pPlainModule(), G2pPlain.class, seed);
    }

    Path checkpoint(RunSettings settings) {
      return this == ATTENTION ? settings.checkpoint() : settings.out().resolve(PLAIN_CHECKPOINT);
    }
  }
}
