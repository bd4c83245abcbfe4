package dev.deepwire.examples.generative;

import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;

/** Fashion-MNIST images as flat rows of 784 pixels in [0, 1], the shape the autoencoders take. */
public final class FashionPixels {

  /** Pixels per image. */
  public static final int SIZE = FashionMnist.SIDE * FashionMnist.SIDE;

  private FashionPixels() {}

  /** A dataset whose column {@code name} holds the images of {@code data} as {@code [784]} rows. */
  public static Dataset column(Dataset data, String name) {
    return Dataset.builder().column(name, new FloatColumn(data.floats(FashionMnist.IMAGE).values(), new int[] {SIZE}))
        .build();
  }

  /** The images of {@code data} as rows. */
  public static float[][] rows(Dataset data) {
    return rows(data, data.size());
  }

  /** The first {@code count} images of {@code data} as rows. */
  public static float[][] rows(Dataset data, int count) {
    FloatColumn images = data.floats(FashionMnist.IMAGE);
    float[][] rows = new float[Math.min(count, data.size())][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = images.example(i);
    }
    return rows;
  }

  /** A dataset of one column {@code name} holding {@code rows}. */
  public static Dataset of(String name, float[][] rows) {
    return Dataset.builder().floats(name, flatten(rows), rows[0].length).build();
  }

  /** The rows packed row-major into one array. */
  public static float[] flatten(float[][] rows) {
    int width = rows[0].length;
    float[] flat = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * width, width);
    }
    return flat;
  }

  /** The mean squared difference of two equally shaped sets of rows. */
  public static double mse(float[][] a, float[][] b) {
    double sum = 0;
    long count = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        double d = a[i][j] - b[i][j];
        sum += d * d;
      }
      count += a[i].length;
    }
    return sum / count;
  }
}
