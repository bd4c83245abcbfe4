package dev.deepwire.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reparameterisation trick of a variational autoencoder: {@code z = mu + exp(logVar / 2) * eps} with
 * {@code eps ~ N(0, I)} while training, {@code z = mu} at inference. Adds the KL divergence of
 * {@code N(mu, exp(logVar))} from {@code N(0, I)}, summed over the code and averaged over the batch, times
 * {@link #klWeight()}, to the loss, and reports it as {@code kl} each epoch.
 *
 * <p>Graph form; two inputs of equal shape {@code [batch, d]}: the mean, then the log-variance.
 *
 * <pre>{@code
 * @Sample Tensor z(Tensor mu, Tensor logVar);
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Sample {
  /**
   * The factor of the KL term in the loss. With a reconstruction loss averaged over {@code n} pixels,
   * {@code 1.0 / n} makes the loss the negative ELBO per pixel.
   */
  double klWeight() default 1.0;
}
