package dev.deepwire.examples.rnn;

import dev.deepwire.runtime.StatefulPredictor;
import java.util.SplittableRandom;

/**
 * Generates text from a character model one character per step: the stateful predictor keeps the recurrent
 * state, so each step feeds only the last character. Draws from the predicted distribution sharpened by a
 * temperature below 1 (greedy picking repeats itself).
 */
final class CharSampler {

  private CharSampler() {}

  /** {@code length} characters following {@code prompt}, drawn with {@code seed}. */
  static String sample(StatefulPredictor<?> model, String prompt, int length, double temperature, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    model.reset();
    float[] probabilities = null;
    for (int id : MobyDickChars.encode(MobyDickChars.normalise(prompt))) {
      probabilities = model.step(new float[] {id});
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int id = draw(probabilities, temperature, random);
      text.append(MobyDickChars.decode(id));
      probabilities = model.step(new float[] {id});
    }
    return text.toString();
  }

  private static int draw(float[] probabilities, double temperature, SplittableRandom random) {
    double[] weights = new double[probabilities.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.pow(probabilities[i], 1 / temperature);
      total += weights[i];
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u <= 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
