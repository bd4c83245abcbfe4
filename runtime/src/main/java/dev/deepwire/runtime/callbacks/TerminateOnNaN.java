package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import java.util.Map;

/** Stops training with an error at the first step whose loss is NaN or infinite. */
public final class TerminateOnNaN implements TrainingCallback {

  /** Thrown when the loss diverges; names the step and the value. */
  public static final class DivergedException extends RuntimeException {
    DivergedException(String message) {
      super(message);
    }
  }

  @Override
  public void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {
    double loss = logs.getOrDefault("loss", 0.0);
    if (Double.isNaN(loss) || Double.isInfinite(loss)) {
      throw new DivergedException("training diverged at step " + step + ": loss is " + loss
          + " (learning rate " + logs.get("lr") + "); lower the learning rate or clip gradients");
    }
  }
}
