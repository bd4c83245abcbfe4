package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a generative adversarial network: an interface with two abstract methods typed with
 * {@code @Model} classes, {@code generator()} (noise in, an example out) and {@code discriminator()} (an
 * example in, one score out). Each side trains with the optimizer its own {@code @Model} declares. The
 * processor checks that the two fit and generates {@code <Name>Gan} with {@code compile(RuntimeOptions)}
 * and {@code options(epochs, batchSize, seed)} carrying the steps per side.
 *
 * <pre>{@code
 * @Adversarial(discriminatorSteps = 1, generatorSteps = 1)
 * public interface FashionDcgan {
 *   FashionGenerator generator();
 *   FashionCritic discriminator();
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Adversarial {
  /** Discriminator updates per iteration. */
  int discriminatorSteps() default 1;

  /** Generator updates per iteration. */
  int generatorSteps() default 1;
}
