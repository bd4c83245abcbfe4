package dev.deepwire.runtime.training;

import dev.deepwire.annotations.OptimizerType;
import org.tensorflow.Graph;
import org.tensorflow.framework.optimizers.AdaGrad;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.framework.optimizers.RMSProp;

/** Maps an {@link OptimizerType} to {@code tensorflow-framework}'s implementation. */
public final class Optimizers {

  private Optimizers() {}

  /** A new optimizer for {@code graph}. */
  public static Optimizer create(Graph graph, OptimizerType type, double learningRate) {
    float rate = (float) learningRate;
    return switch (type) {
      case SGD -> new GradientDescent(graph, rate);
      case MOMENTUM -> new Momentum(graph, rate, 0.9f);
      case ADAM -> new Adam(graph, rate);
      case RMSPROP -> new RMSProp(graph, rate);
      case ADAGRAD -> new AdaGrad(graph, rate);
    };
  }
}
