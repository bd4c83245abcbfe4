package dev.deepwire.examples.cnn3d;

import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Volumes built from real Fashion-MNIST images: {@link #DEPTH} slices (each image averaged down to 14x14)
 * stacked along depth, three of one clothing class and one of another. The label is the depth at which the
 * odd slice sits, so it depends on the 3D arrangement, not on any single slice; chance is 1 / {@link #DEPTH}.
 *
 * <p>Columns: {@code "volume"} (example shape {@code {4, 14, 14, 1}}) and {@code "position"} (int, 0..3).
 * Training volumes use only training images, test volumes only test images.
 */
public final class OddSliceVolumes {

  /** The input column. */
  public static final String VOLUME = "volume";

  /** The label column. */
  public static final String POSITION = "position";

  /** Slices per volume. */
  public static final int DEPTH = 4;

  /** The side of a slice. */
  public static final int SIDE = 14;

  private OddSliceVolumes() {}

  /** {@code trainCount} training and {@code testCount} test volumes, drawn with {@code seed}. */
  public static TrainTest load(DataSource source, int trainCount, int testCount, long seed) throws IOException {
    TrainTest images = FashionMnist.load(source);
    return new TrainTest(volumes(images.train(), trainCount, seed), volumes(images.test(), testCount, seed + 1));
  }

  private static Dataset volumes(Dataset images, int count, long seed) {
    float[] pixels = images.floats(FashionMnist.IMAGE).values();
    int[] labels = images.ints(FashionMnist.LABEL).values();
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < FashionMnist.CLASS_NAMES.size(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    int sliceSize = SIDE * SIDE;
    float[] volumes = new float[count * DEPTH * sliceSize];
    int[] positions = new int[count];
    SplittableRandom random = new SplittableRandom(seed);
    int classes = byClass.size();
    for (int v = 0; v < count; v++) {
      int common = random.nextInt(classes);
      int odd = (common + 1 + random.nextInt(classes - 1)) % classes;
      positions[v] = random.nextInt(DEPTH);
      for (int d = 0; d < DEPTH; d++) {
        List<Integer> pool = byClass.get(d == positions[v] ? odd : common);
        int image = pool.get(random.nextInt(pool.size()));
        downsample(pixels, image, volumes, (v * DEPTH + d) * sliceSize);
      }
    }
    return Dataset.builder()
        .floats(VOLUME, volumes, DEPTH, SIDE, SIDE, 1)
        .ints(POSITION, positions)
        .build();
  }

  /** Writes the 2x2 averages of 28x28 image {@code index} at {@code to}. */
  private static void downsample(float[] pixels, int index, float[] out, int to) {
    int from = index * FashionMnist.SIDE * FashionMnist.SIDE;
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        int p = from + 2 * r * FashionMnist.SIDE + 2 * c;
        out[to + r * SIDE + c] = (pixels[p] + pixels[p + 1] + pixels[p + FashionMnist.SIDE]
            + pixels[p + FashionMnist.SIDE + 1]) / 4;
      }
    }
  }
}
