package dev.deepwire.examples.generative;

import dev.deepwire.annotations.Adversarial;

/** The DCGAN of the {@code gan} example: one discriminator update, then one generator update. */
@Adversarial(discriminatorSteps = 1, generatorSteps = 1)
public interface FashionDcgan {
  FashionGenerator generator();

  FashionCritic discriminator();
}
