package dev.deepwire.processor.shape;

import java.util.List;

/** Shape rules of the autoencoder layers: {@code @Sample}, the noise layers, {@code @ActivityRegularization}. */
public final class GenerativeRules {

  private GenerativeRules() {}

  /** {@code @Sample}: a mean and a log-variance of one shape {@code [batch, d]} to {@code [batch, d]}. */
  public static ShapeResult sample(String node, double klWeight, List<NamedShape> ins) {
    if (!(klWeight >= 0)) {
      return ShapeResult.error("Sample.klWeight", "@Sample on '" + node + "' needs klWeight >= 0, but found klWeight = "
          + klWeight + ". Use 1.0 for the ELBO, or 1.0 / pixels with a per-pixel reconstruction loss.", "klWeight");
    }
    NamedShape mu = ins.get(0);
    NamedShape logVar = ins.get(1);
    if (mu.shape().rank() != 2) {
      return ShapeResult.error("Shape.rank", "@Sample on '" + node + "' needs rank-2 inputs [batch, code], but '"
          + mu.name() + "' is " + mu.shape() + "; add @Flatten before it.");
    }
    if (!mu.shape().equals(logVar.shape())) {
      return ShapeResult.error("Sample.shapes", "@Sample on '" + node + "' needs the mean and the log-variance to have"
          + " one shape, but '" + mu.name() + "' is " + mu.shape() + " and '" + logVar.name() + "' is "
          + logVar.shape() + ". Give both @Dense layers the same units.");
    }
    return ShapeResult.ok(mu.shape());
  }

  /** {@code @GaussianNoise} (stddev &gt; 0) or {@code @MaskingNoise} (rate in (0, 1)): the input's shape. */
  public static ShapeResult noise(String label, String node, double amount, NamedShape in) {
    boolean gaussian = label.equals("@GaussianNoise");
    if (gaussian && !(amount > 0)) {
      return ShapeResult.error("GaussianNoise.value", "@GaussianNoise on '" + node + "' needs a stddev > 0, but found"
          + " value = " + amount + ". Use the noise level, e.g. 0.3 for pixels in [0, 1].", "value");
    }
    if (!gaussian && !(amount > 0 && amount < 1)) {
      return ShapeResult.error("MaskingNoise.value", "@MaskingNoise on '" + node + "' needs a rate in (0, 1), but"
          + " found value = " + amount + ". Use the share of elements to zero, e.g. 0.3.", "value");
    }
    return ShapeResult.ok(in.shape());
  }

  /** {@code @ActivityRegularization}: {@code [batch, units]} as is; factors &gt;= 0, target in (0, 1). */
  public static ShapeResult activityRegularization(String node, double l1, double target, double weight,
      NamedShape in) {
    if (l1 < 0) {
      return ShapeResult.error("ActivityRegularization.l1", "@ActivityRegularization on '" + node + "' needs l1 >= 0,"
          + " but found l1 = " + l1 + ". Use a small factor such as 1e-4.", "l1");
    }
    if (weight < 0) {
      return ShapeResult.error("ActivityRegularization.sparsityWeight", "@ActivityRegularization on '" + node
          + "' needs sparsityWeight >= 0, but found sparsityWeight = " + weight + ". Use a factor such as 0.1.",
          "sparsityWeight");
    }
    if (weight > 0 && !(target > 0 && target < 1)) {
      return ShapeResult.error("ActivityRegularization.sparsityTarget", "@ActivityRegularization on '" + node
          + "' needs sparsityTarget in (0, 1), but found sparsityTarget = " + target + ". Use a small mean"
          + " activation such as 0.05.", "sparsityTarget");
    }
    if (in.shape().rank() != 2) {
      return ShapeResult.error("Shape.rank", "@ActivityRegularization on '" + node + "' needs a rank-2 input"
          + " [batch, units], but '" + in.name() + "' is " + in.shape() + "; add @Flatten before it.");
    }
    return ShapeResult.ok(in.shape());
  }
}
