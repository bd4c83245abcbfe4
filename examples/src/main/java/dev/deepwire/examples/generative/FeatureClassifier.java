package dev.deepwire.examples.generative;

import static dev.deepwire.annotations.ActivationFunction.RELU;
import static dev.deepwire.annotations.ActivationFunction.SOFTMAX;

import dev.deepwire.annotations.Conv;
import dev.deepwire.annotations.Dense;
import dev.deepwire.annotations.Encoder;
import dev.deepwire.annotations.Flatten;
import dev.deepwire.annotations.Input;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.MaxPool;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.Model;
import dev.deepwire.annotations.Output;
import dev.deepwire.annotations.Reshape;
import dev.deepwire.annotations.Tensor;

/**
 * The Fashion-MNIST CNN whose penultimate layer is the feature space of the generators' FID: its layers up to
 * {@code features} are marked {@code @Encoder}, so {@code predictor.encode(images)} returns the features.
 */
@Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
public interface FeatureClassifier {
  @Input(shape = 784) Tensor pixels();
  @Encoder @Reshape({28, 28, 1}) Tensor image(Tensor pixels);
  @Encoder @Conv(filters = 16, kernel = 3, activation = RELU) Tensor conv1(Tensor image);
  @Encoder @MaxPool(2) Tensor pool1(Tensor conv1);
  @Encoder @Conv(filters = 32, kernel = 3, activation = RELU) Tensor conv2(Tensor pool1);
  @Encoder @MaxPool(2) Tensor pool2(Tensor conv2);
  @Encoder @Flatten Tensor flat(Tensor pool2);
  @Encoder @Dense(units = 64, activation = RELU) Tensor features(Tensor flat);
  @Output @Dense(units = 10, activation = SOFTMAX) Tensor label(Tensor features);
}
