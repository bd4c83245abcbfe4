package dev.deepwire.runtime;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.Dropout;
import dev.deepwire.runtime.layers.LayerScope;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A hand-written ModelGraph, shaped like generated code: 2 features → 16 relu → dropout → 2 softmax. */
final class TwoBlobsModel implements ModelGraph<TwoBlobsModel> {

  private final ModelSignature signature;

  TwoBlobsModel() {
    this(OptimizerType.ADAM, 0.05);
  }

  TwoBlobsModel(OptimizerType optimizer, double learningRate) {
    this(OptimizerSettings.of(optimizer, learningRate));
  }

  TwoBlobsModel(OptimizerSettings optimizer) {
    this.signature = ModelSignature.builder("TwoBlobs")
        .input("point", DType.FLOAT32, 2)
        .output("label", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, "label", 1.0, 2)
        .optimizer(optimizer)
        .metrics(Metric.ACCURACY)
        .build();
  }

  @Override
  public ModelSignature signature() {
    return signature;
  }

  @Override
  public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
    Operand<TFloat32> point = inputs.get("point");
    Operand<TFloat32> hidden = Dense.withUnits(16).activation(ActivationFunction.RELU).build()
        .call(scope.child("hidden"), point);
    Operand<TFloat32> drop = new Dropout(0.1).call(scope.child("drop"), hidden);
    Operand<TFloat32> label = Dense.withUnits(2).activation(ActivationFunction.SOFTMAX).build()
        .call(scope.child("label"), drop);
    return Map.of("label", label);
  }

  /** Two Gaussian blobs around (-1, -1) and (1, 1), labels 0 and 1. */
  static Dataset blobs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] points = new float[n * 2];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      float centre = labels[i] == 0 ? -1f : 1f;
      points[2 * i] = centre + (float) (random.nextGaussian() * 0.5);
      points[2 * i + 1] = centre + (float) (random.nextGaussian() * 0.5);
    }
    return Dataset.builder().floats("point", points, 2).ints("label", labels).build();
  }
}
