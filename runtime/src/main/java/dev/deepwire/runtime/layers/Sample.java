package dev.deepwire.runtime.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A variational autoencoder's reparameterised sample: {@code z = mu + training * exp(logVar / 2) * eps},
 * {@code eps ~ N(0, I)}, so gradients flow to {@code mu} and {@code logVar}, and {@code z = mu} at
 * inference. Adds {@code klWeight * KL} to the loss, where
 * {@code KL = -1/2 * sum_j (1 + logVar_j - mu_j² - exp(logVar_j))} is the divergence of
 * {@code N(mu, exp(logVar))} from {@code N(0, I)} averaged over the batch, and reports KL as {@code kl}.
 *
 * <p>Inputs {@code [batch, d]} and {@code [batch, d]}; output {@code [batch, d]}.
 */
public final class Sample {

  private final double klWeight;

  public Sample(double klWeight) {
    if (!(klWeight >= 0)) {
      throw new IllegalArgumentException("klWeight must be >= 0, got " + klWeight);
    }
    this.klWeight = klWeight;
  }

  /** Builds the layer on {@code mu} and {@code logVar} under {@code scope}. */
  public Operand<TFloat32> call(LayerScope scope, Operand<TFloat32> mu, Operand<TFloat32> logVar) {
    Ops tf = scope.tf();
    Operand<TFloat32> kl = klDivergence(tf, mu, logVar);
    scope.report("kl", kl);
    scope.addLoss(klWeight == 1.0 ? kl : tf.math.mul(tf.constant((float) klWeight), kl));
    Operand<TFloat32> spread = tf.math.mul(scope.training(), tf.math.exp(tf.math.mul(tf.constant(0.5f), logVar)));
    return tf.math.add(mu, tf.math.mul(spread, StatelessNoise.normal(scope, "eps", mu)));
  }

  /** {@code KL(N(mu, exp(logVar)) || N(0, I))} summed over the code, averaged over the batch. */
  static Operand<TFloat32> klDivergence(Ops tf, Operand<TFloat32> mu, Operand<TFloat32> logVar) {
    Operand<TFloat32> perUnit = tf.math.sub(tf.math.sub(tf.math.add(tf.constant(1f), logVar), tf.math.square(mu)),
        tf.math.exp(logVar));
    Operand<TFloat32> perExample = tf.math.mul(tf.constant(-0.5f), tf.sum(perUnit, tf.constant(new int[] {1})));
    return tf.math.mean(perExample, tf.constant(0));
  }
}
