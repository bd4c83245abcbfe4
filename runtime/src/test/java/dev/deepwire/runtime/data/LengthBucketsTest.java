package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LengthBucketsTest {

  /** 100 sequences of 1 to 60 ids; sequence i holds ids i+1, so rows can be traced. */
  private static List<int[]> sequences() {
    SplittableRandom random = new SplittableRandom(4);
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int[] ids = new int[1 + random.nextInt(60)];
      java.util.Arrays.fill(ids, i + 1);
      out.add(ids);
    }
    return out;
  }

  @Test
  void everySequenceOnceInBatchesOfSimilarLengthPaddedToTheirOwnLongest() {
    List<int[]> ids = sequences();
    List<LengthBuckets.Batch> batches = LengthBuckets.batches(ids, 16, 9);
    assertEquals(7, batches.size());
    boolean[] seen = new boolean[ids.size()];
    long paddedCells = 0;
    int previousLongest = 0;
    List<int[]> ranges = new ArrayList<>();
    for (LengthBuckets.Batch batch : batches) {
      int shortest = Integer.MAX_VALUE;
      int longest = 0;
      for (int m : batch.members()) {
        assertTrue(!seen[m], "sequence " + m + " in two batches");
        seen[m] = true;
        shortest = Math.min(shortest, ids.get(m).length);
        longest = Math.max(longest, ids.get(m).length);
      }
      assertEquals(longest, batch.length(), "padded to its own longest member");
      ranges.add(new int[] {shortest, longest});
      paddedCells += (long) batch.members().length * batch.length();
      float[] padded = batch.padded(ids);
      for (int r = 0; r < batch.members().length; r++) {
        int m = batch.members()[r];
        for (int t = 0; t < batch.length(); t++) {
          assertEquals(t < ids.get(m).length ? m + 1 : 0, padded[r * batch.length() + t], 0f);
        }
      }
      previousLongest = Math.max(previousLongest, longest);
    }
    for (boolean s : seen) {
      assertTrue(s, "every sequence is in a batch");
    }
    ranges.sort(java.util.Comparator.comparingInt(r -> r[0]));
    for (int i = 1; i < ranges.size(); i++) {
      assertTrue(ranges.get(i - 1)[1] <= ranges.get(i)[0], "length ranges of batches do not overlap");
    }
    long globalPadding = 100L * previousLongest;
    assertTrue(paddedCells < 0.65 * globalPadding, paddedCells + " padded cells vs " + globalPadding);
  }

  @Test
  void theSeedFixesTheBatches() {
    List<int[]> ids = sequences();
    List<LengthBuckets.Batch> a = LengthBuckets.batches(ids, 10, 1);
    List<LengthBuckets.Batch> b = LengthBuckets.batches(ids, 10, 1);
    List<LengthBuckets.Batch> c = LengthBuckets.batches(ids, 10, 2);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).members(), b.get(i).members());
    }
    boolean differs = false;
    for (int i = 0; i < a.size(); i++) {
      differs |= !java.util.Arrays.equals(a.get(i).members(), c.get(i).members());
    }
    assertTrue(differs, "another seed, another order");
  }
}
