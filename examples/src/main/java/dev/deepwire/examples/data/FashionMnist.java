package dev.deepwire.examples.data;

import dev.deepwire.runtime.data.DataFormatException;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.IdxArray;
import dev.deepwire.runtime.data.IdxReader;
import dev.deepwire.runtime.data.IdxType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Fashion-MNIST: 28x28 grey images of clothes in 10 classes (60,000 training and 10,000 test images in
 * full; 10,000 and 2,000 bundled).
 *
 * <p>{@link #load} gives datasets with two columns: {@code "image"}, floats in {@code [0, 1]} (the
 * byte divided by 255) of example shape {@code {28, 28}}, and {@code "label"}, an int 0..9 per image
 * (scalar shape {@code {}}) indexing {@link #CLASS_NAMES}. Examples keep the files' order.
 */
public final class FashionMnist {

  /** The image column. */
  public static final String IMAGE = "image";

  /** The label column. */
  public static final String LABEL = "label";

  /** Image height and width. */
  public static final int SIDE = 28;

  /** The class names, by label. */
  public static final List<String> CLASS_NAMES = List.of(
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** The training images, training labels, test images and test labels, under their standard names. */
  public static final DataSet DATA = new DataSet(
      "Fashion-MNIST",
      "/dev/deepwire/examples/data/fashion-mnist",
      Path.of("/usr/share/datasets/fashion-mnist"),
      "apt-get install dataset-fashion-mnist",
      List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
          "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"));

  private FashionMnist() {}

  /**
   * Reads the training and test sets from {@code source}.
   *
   * @throws MissingDataException if a file is missing, saying how to get it
   * @throws DataFormatException if a file is malformed or images and labels disagree
   */
  public static TrainTest load(DataSource source) throws IOException {
    source.require(DATA);
    Dataset train = read(source, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    Dataset test = read(source, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    return new TrainTest(train, test);
  }

  private static Dataset read(DataSource source, String imageFile, String labelFile) throws IOException {
    IdxArray images = readIdx(source, imageFile);
    IdxArray labels = readIdx(source, labelFile);
    if (images.type() != IdxType.UNSIGNED_BYTE || !Arrays.equals(images.exampleShape(), new int[] {SIDE, SIDE})) {
      throw new DataFormatException(imageFile, "expected " + SIDE + "x" + SIDE + " unsigned-byte images, found "
          + images.type() + " of shape " + Arrays.toString(images.exampleShape()));
    }
    if (labels.type() != IdxType.UNSIGNED_BYTE || labels.exampleShape().length != 0) {
      throw new DataFormatException(labelFile, "expected one unsigned-byte label per image, found "
          + labels.type() + " of shape " + Arrays.toString(labels.exampleShape()));
    }
    if (images.count() != labels.count()) {
      throw new DataFormatException(labelFile,
          labels.count() + " labels for the " + images.count() + " images of " + imageFile);
    }
    int[] classes = labels.toInts();
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] >= CLASS_NAMES.size()) {
        throw new DataFormatException(labelFile, "record " + (i + 1) + " of " + classes.length
            + ": label " + classes[i] + " is not a class 0.." + (CLASS_NAMES.size() - 1));
      }
    }
    float[] pixels = images.toFloats();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] /= 255f;
    }
    return Dataset.builder().floats(IMAGE, pixels, SIDE, SIDE).ints(LABEL, classes).build();
  }

  private static IdxArray readIdx(DataSource source, String fileName) throws IOException {
    try (InputStream in = source.open(DATA, fileName)) {
      return IdxReader.read(in, fileName);
    }
  }
}
