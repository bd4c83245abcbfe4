package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a neural network. The processor checks it and generates {@code <Name>Graph} (the TensorFlow
 * graph) and {@code <Name>Module} (Guice bindings for {@code Trainer<Name>}, {@code Predictor<Name>} and
 * {@code Evaluator<Name>}).
 *
 * <p>Two forms:
 * <ul>
 *   <li><b>Sequential</b> — a class whose annotated {@link Tensor} fields are layers applied in source
 *       order, each to the one before.
 *   <li><b>Graph</b> — an interface (or abstract class) whose abstract methods are layers; a method's
 *       parameters name the layers it consumes, so any directed acyclic graph can be written.
 * </ul>
 *
 * <p>A member whose type is another {@code @Model} class applies that whole network (a sub-model); every
 * use of the same sub-model class shares one set of weights.
 *
 * <pre>{@code
 * @Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
 * public class FashionDnn {
 *   @Input(shape = {28, 28}) Tensor image;
 *   @Flatten Tensor pixels;
 *   @Dense(units = 256, activation = RELU) Tensor hidden;
 *   @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {
  /** The loss of every {@link Output} that does not set its own. */
  Loss loss() default Loss.NONE;

  /** The optimizer used by {@code Trainer}. */
  Optimizer optimizer() default @Optimizer;

  /** Metrics reported per epoch besides the loss. */
  Metric[] metrics() default {};
}
