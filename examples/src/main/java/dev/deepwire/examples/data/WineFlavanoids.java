package dev.deepwire.examples.data;

import dev.deepwire.runtime.data.CsvReader;
import dev.deepwire.runtime.data.CsvTable;
import dev.deepwire.runtime.data.DataFormatException;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The regression data set: predict a wine's flavanoid content from its twelve other chemical
 * measurements (UCI Wine data, 178 wines, as shipped by scikit-learn).
 *
 * <p>{@link #load} shuffles with {@link #SPLIT_SEED} and keeps 80 % (142 wines) for training, 20 % (36)
 * for testing. Columns: {@code "features"}, the twelve measurements of {@link #FEATURE_NAMES}
 * (example shape {@code {12}}), standardized with the training part's mean and standard deviation;
 * and {@code "target"}, the flavanoid content in its original units (example shape {@code {1}}, not
 * standardized: it already has mean ≈ 2.0 and standard deviation ≈ 1.0), so an RMSE computed on it
 * is in the original units.
 *
 * <p>A linear regression on this split reaches a test RMSE of about half the
 * {@linkplain #baselineRmse predict-the-training-mean} RMSE; see the data README.
 */
public final class WineFlavanoids {

  /** The input column. */
  public static final String FEATURES = "features";

  /** The output column. */
  public static final String TARGET = "target";

  /** The seed of the train/test shuffle. */
  public static final long SPLIT_SEED = 42;

  /** The training share. */
  public static final double TRAIN_FRACTION = 0.8;

  /** The columns of {@code wine_data.csv}, in file order; the last is the cultivar (class). */
  public static final List<String> FILE_COLUMNS = List.of(
      "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
      "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315_of_diluted_wines",
      "proline", "cultivar");

  /** The name of the target in {@link #FILE_COLUMNS}. */
  public static final String TARGET_NAME = "flavanoids";

  /** The twelve measurements used as features, in file order. */
  public static final List<String> FEATURE_NAMES = FILE_COLUMNS.stream()
      .filter(name -> !name.equals(TARGET_NAME) && !name.equals("cultivar"))
      .toList();

  /** {@code wine_data.csv}: bundled, or scikit-learn's copy. */
  public static final DataSet DATA = new DataSet(
      "Wine (UCI, via scikit-learn)",
      "/dev/deepwire/examples/data/wine",
      Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data"),
      "apt-get install python3-sklearn",
      List.of("wine_data.csv"));

  private WineFlavanoids() {}

  /**
   * Reads, splits and standardizes the data.
   *
   * <p>The first line of {@code wine_data.csv} is skipped: column names in the bundled copy, a line of
   * metadata ({@code 178,13,class_0,...}) in scikit-learn's.
   *
   * @throws MissingDataException if the file is missing, saying how to get it
   * @throws DataFormatException if it is malformed or has other than 14 columns
   */
  public static TrainTest load(DataSource source) throws IOException {
    source.require(DATA);
    CsvTable table;
    try (Reader in = new InputStreamReader(source.open(DATA, "wine_data.csv"), StandardCharsets.UTF_8)) {
      table = CsvReader.options().skipLines(1).delimiter(',').read(in, "wine_data.csv");
    }
    if (table.columnCount() != FILE_COLUMNS.size()) {
      throw new DataFormatException("wine_data.csv", "expected " + FILE_COLUMNS.size() + " columns "
          + FILE_COLUMNS + ", found " + table.columnCount());
    }
    int[] featureIndices = FEATURE_NAMES.stream().mapToInt(FILE_COLUMNS::indexOf).toArray();
    Dataset all = Dataset.builder()
        .floats(FEATURES, table.columns(featureIndices), featureIndices.length)
        .floats(TARGET, table.column(FILE_COLUMNS.indexOf(TARGET_NAME)), 1)
        .build();
    Dataset.Split split = all.split(TRAIN_FRACTION, SPLIT_SEED);
    Standardizer scale = Standardizer.fit(split.first().floats(FEATURES));
    return new TrainTest(
        split.first().withColumn(FEATURES, scale.apply(split.first().floats(FEATURES))),
        split.second().withColumn(FEATURES, scale.apply(split.second().floats(FEATURES))));
  }

  /** The test RMSE of always predicting the training targets' mean: the figure a model must beat. */
  public static double baselineRmse(TrainTest data) {
    float[] train = data.train().floats(TARGET).values();
    double mean = 0;
    for (float value : train) {
      mean += value;
    }
    mean /= train.length;
    float[] test = data.test().floats(TARGET).values();
    float[] predicted = new float[test.length];
    java.util.Arrays.fill(predicted, (float) mean);
    return rmse(predicted, test);
  }

  /** The root mean squared error between {@code predicted} and {@code actual}. */
  public static double rmse(float[] predicted, float[] actual) {
    if (predicted.length != actual.length || actual.length == 0) {
      throw new IllegalArgumentException(
          "need as many predictions as targets (and at least one), got " + predicted.length + " and " + actual.length);
    }
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = predicted[i] - actual[i];
      sum += d * d;
    }
    return Math.sqrt(sum / actual.length);
  }
}
