package dev.deepwire.examples.capsnet;

import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.data.TrainTest;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;

/** Replaces Fashion-MNIST's int labels with one-hot rows, as the capsule mask and margin loss take them. */
final class OneHotLabels {

  static final int CLASSES = FashionMnist.CLASS_NAMES.size();

  private OneHotLabels() {}

  static TrainTest of(TrainTest data) {
    return new TrainTest(of(data.train()), of(data.test()));
  }

  static Dataset of(Dataset data) {
    int[] labels = data.ints(FashionMnist.LABEL).values();
    float[] oneHot = new float[labels.length * CLASSES];
    for (int i = 0; i < labels.length; i++) {
      oneHot[i * CLASSES + labels[i]] = 1;
    }
    return data.withColumn(FashionMnist.LABEL, new FloatColumn(oneHot, new int[] {CLASSES}));
  }
}
