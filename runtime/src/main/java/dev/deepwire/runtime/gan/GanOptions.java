package dev.deepwire.runtime.gan;

/**
 * How a GAN trains: each iteration runs {@code discriminatorSteps} discriminator updates (each on a fresh
 * real batch and fresh noise), then {@code generatorSteps} generator updates; an epoch is one pass over
 * the real examples by the discriminator. Noise and data order are functions of {@code seed}.
 */
public record GanOptions(int epochs, int batchSize, int discriminatorSteps, int generatorSteps, long seed) {

  public GanOptions {
    if (epochs < 1 || batchSize < 1 || discriminatorSteps < 1 || generatorSteps < 1) {
      throw new IllegalArgumentException("epochs, batch size and steps per side must be >= 1, got " + epochs + ", "
          + batchSize + ", " + discriminatorSteps + ", " + generatorSteps);
    }
  }

  /** One step per side. */
  public static GanOptions of(int epochs, int batchSize, long seed) {
    return new GanOptions(epochs, batchSize, 1, 1, seed);
  }

  /** These options with other steps per side. */
  public GanOptions steps(int discriminator, int generator) {
    return new GanOptions(epochs, batchSize, discriminator, generator, seed);
  }
}
