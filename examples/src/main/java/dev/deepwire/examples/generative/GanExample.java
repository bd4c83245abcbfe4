package dev.deepwire.examples.generative;

import dev.deepwire.examples.Example;
import dev.deepwire.examples.Reports;
import dev.deepwire.examples.RunSettings;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.gan.Gan;
import dev.deepwire.runtime.gan.GanEpoch;
import dev.deepwire.runtime.plots.PixelGrid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code gan}: the DCGAN {@link FashionDcgan} ({@link FashionGenerator} against {@link FashionCritic}) on
 * Fashion-MNIST; draws a grid of samples after every epoch (from the same noise, so the epochs compare) and
 * scores samples of the trained and of the untrained generator by FID in a classifier's feature space.
 */
public final class GanExample implements Example {

  private static final int GRID = 10;

  @Override
  public String name() {
    return "gan";
  }

  @Override
  public String description() {
    return "DCGAN (dense + transposed convolutions vs strided convolutions) on Fashion-MNIST: sample grid per epoch,"
        + " FID";
  }

  @Override
  public int defaultEpochs() {
    return 5;
  }

  @Override
  public int defaultBatchSize() {
    return 64;
  }

  @Override
  public Map<String, Object> train(RunSettings settings) throws IOException {
    TrainTest data = FashionMnist.load(settings.data());
    float[][] images = FashionPixels.rows(data.train());
    RuntimeOptions options = RuntimeOptions.defaults().withSeed(settings.seed());
    try (Gan<FashionGenerator, FashionCritic> gan = FashionDcganGan.compile(options);
        ClassifierSpace space = ClassifierSpace.open(data, settings)) {
      float[][] fixed = gan.noise(GRID * GRID, settings.seed());
      float[][] fidNoise = gan.noise(ClassifierSpace.FID_IMAGES, settings.seed() + 1);
      float[][] untrained = gan.generate(fidNoise);
      List<GanEpoch> epochs = gan.fit(images, FashionDcganGan.options(settings.epochs(), settings.batchSize(), settings.seed()),
          epoch -> {
            if (settings.progress()) {
              System.err.println(epoch.line());
            }
            writeGrid(settings.out().resolve("samples_epoch_" + epoch.epoch() + ".png"), gan.generate(fixed));
          });
      float[][] trained = gan.generate(fidNoise);
      double seconds = epochs.stream().mapToDouble(GanEpoch::seconds).sum();
      Map<String, Object> report = Reports.training(name(), settings, data, seconds, epochs.size());
      GanEpoch last = epochs.get(epochs.size() - 1);
      report.put("d_loss", last.discriminatorLoss());
      report.put("g_loss", last.generatorLoss());
      report.put("d_real", last.realScore());
      report.put("d_fake", last.fakeScore());
      space.compare(trained, untrained, report);
      Path samples = settings.out().resolve("samples.png");
      writeGrid(samples, gan.generate(fixed));
      report.put("samples_png", samples.toString());
      return report;
    }
  }

  private static void writeGrid(Path png, float[][] images) {
    try {
      PixelGrid.write(png, images, GRID);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, Object> evaluate(RunSettings settings) {
    throw new UnsupportedOperationException("gan keeps no checkpoint: its figures come with `train gan`");
  }

  @Override
  public List<String> predict(RunSettings settings, int count) {
    throw new UnsupportedOperationException("gan keeps no checkpoint: its samples come with `train gan`");
  }
}
