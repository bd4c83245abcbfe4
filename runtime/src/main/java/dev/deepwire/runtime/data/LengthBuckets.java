package dev.deepwire.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Bucketing by length: batches of sequences of similar length, each padded only to its own longest member,
 * so short sequences do not pay for the longest one in the data (recurrent layers are unrolled to the padded
 * length, so padding costs time). Sequences are sorted by length (ties in a seeded random order), cut into
 * consecutive batches, and the batches are put in a seeded random order.
 *
 * <pre>{@code
 * for (LengthBuckets.Batch batch : LengthBuckets.batches(ids, 32, seed)) {
 *   float[] padded = batch.padded(ids);   // [batch.members().length, batch.length()], 0 at the end
 * }
 * }</pre>
 */
public final class LengthBuckets {

  private LengthBuckets() {}

  /**
   * One batch.
   *
   * @param length the longest member's length, which every member is padded to
   * @param members the indices of its sequences
   */
  public record Batch(int length, int[] members) {

    /** The members' ids, row-major {@code [members, length]}, padded with {@link Vocabulary#PADDING} at the end. */
    public float[] padded(List<int[]> sequences) {
      float[] out = new float[members.length * length];
      for (int r = 0; r < members.length; r++) {
        int[] sequence = sequences.get(members[r]);
        for (int t = 0; t < sequence.length; t++) {
          out[r * length + t] = sequence[t];
        }
      }
      return out;
    }
  }

  /**
   * Every sequence in exactly one batch of at most {@code batchSize} sequences of similar length.
   *
   * @param seed orders equal lengths and the batches; the same seed gives the same batches
   */
  public static List<Batch> batches(List<int[]> sequences, int batchSize, long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    Integer[] order = Arrays.stream(Dataset.permutation(sequences.size(), seed)).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt(i -> sequences.get(i).length)); // stable: ties stay shuffled
    List<Batch> batches = new ArrayList<>();
    for (int from = 0; from < order.length; from += batchSize) {
      int[] members = new int[Math.min(batchSize, order.length - from)];
      int longest = 1;
      for (int r = 0; r < members.length; r++) {
        members[r] = order[from + r];
        longest = Math.max(longest, sequences.get(members[r]).length);
      }
      batches.add(new Batch(longest, members));
    }
    List<Batch> shuffled = new ArrayList<>();
    for (int i : Dataset.permutation(batches.size(), ~seed)) {
      shuffled.add(batches.get(i));
    }
    return shuffled;
  }
}
