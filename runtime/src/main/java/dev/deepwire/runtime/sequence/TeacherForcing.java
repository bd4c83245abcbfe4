package dev.deepwire.runtime.sequence;

/**
 * Builds the decoder's inputs and targets for training with teacher forcing: the decoder reads the true
 * previous token at every step instead of its own guess, so a step's loss never back-propagates through
 * earlier predictions and training needs no sampling loop.
 *
 * <p>For a target {@code a b c} (ids) and length 5: decoder input {@code BOS a b c PAD}, decoder target
 * {@code a b c EOS PAD}. Sequences longer than {@code length - 1} are cut.
 */
public final class TeacherForcing {

  private TeacherForcing() {}

  /** The decoder input: {@code BOS} followed by {@code target}, padded or cut to {@code length}. */
  public static float[] decoderInput(int[] target, int length) {
    float[] out = new float[length];
    out[0] = TokenVocabulary.BOS;
    for (int i = 0; i < Math.min(target.length, length - 1); i++) {
      out[i + 1] = target[i];
    }
    return out;
  }

  /** The decoder target: {@code target} followed by {@code EOS}, padded or cut to {@code length}. */
  public static float[] decoderTarget(int[] target, int length) {
    float[] out = new float[length];
    int kept = Math.min(target.length, length - 1);
    for (int i = 0; i < kept; i++) {
      out[i] = target[i];
    }
    out[kept] = TokenVocabulary.EOS;
    return out;
  }

  /** {@code ids} padded with {@link TokenVocabulary#PAD} or cut to {@code length}, as floats for a feed. */
  public static float[] padded(int[] ids, int length) {
    float[] out = new float[length];
    for (int i = 0; i < Math.min(ids.length, length); i++) {
      out[i] = ids[i];
    }
    return out;
  }
}
