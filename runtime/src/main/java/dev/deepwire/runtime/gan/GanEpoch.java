package dev.deepwire.runtime.gan;

/**
 * The means over one epoch of GAN training.
 *
 * @param discriminatorLoss the discriminator's cross-entropy on real (label 1) plus generated (label 0)
 * @param generatorLoss the generator's non-saturating loss {@code -log D(G(z))}
 * @param realScore the discriminator's mean probability of "real" on real examples
 * @param fakeScore the same on generated examples
 */
public record GanEpoch(int epoch, double discriminatorLoss, double generatorLoss, double realScore,
    double fakeScore, double seconds) {

  /** One line for logs. */
  public String line() {
    return String.format("epoch %d: d_loss %.4f g_loss %.4f D(real) %.3f D(fake) %.3f (%.1f s)", epoch,
        discriminatorLoss, generatorLoss, realScore, fakeScore, seconds);
  }
}
