package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetTest {

  /** Ten examples: "x" is 2x3 floats whose values encode the example (10*i + j), "y" is the index. */
  private static Dataset ten() {
    float[] x = new float[10 * 6];
    for (int i = 0; i < 10; i++) {
      for (int j = 0; j < 6; j++) {
        x[i * 6 + j] = 10 * i + j;
      }
    }
    return Dataset.builder().floats("x", x, 2, 3).ints("y", IntStream.range(0, 10).toArray()).build();
  }

  @Test
  void builderKeepsColumnsInOrder() {
    Dataset data = ten();
    assertEquals(10, data.size());
    assertEquals(List.of("x", "y"), List.copyOf(data.columnNames()));
    assertTrue(data.has("x"));
    assertFalse(data.has("z"));
    assertArrayEquals(new int[] {2, 3}, data.column("x").exampleShape());
    assertEquals(6, data.column("x").exampleSize());
    assertArrayEquals(new int[0], data.ints("y").exampleShape());
    assertEquals(1, data.ints("y").exampleSize());
  }

  @Test
  void builderRejectsDifferentSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.builder()
        .floats("image", new float[12], 2, 2)
        .ints("label", new int[4])
        .build());
    assertEquals("all columns must have the same number of examples, got image=3, label=4", e.getMessage());
  }

  @Test
  void columnRejectsValuesThatAreNotWholeExamples() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new FloatColumn(new float[7], new int[] {2, 3}));
    assertEquals("7 values do not divide into examples of shape [2, 3] (6 values each)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new IntColumn(new int[4], new int[] {0}));
  }

  @Test
  void unknownAndMistypedColumnsNameTheAlternatives() {
    Dataset data = ten();
    assertEquals("no column 'z'; columns are [x, y]",
        assertThrows(IllegalArgumentException.class, () -> data.column("z")).getMessage());
    assertEquals("column 'y' holds ints, not floats; use ints(\"y\")",
        assertThrows(IllegalArgumentException.class, () -> data.floats("y")).getMessage());
    assertEquals("column 'x' holds floats, not ints; use floats(\"x\")",
        assertThrows(IllegalArgumentException.class, () -> data.ints("x")).getMessage());
  }

  @Test
  void gatherCopiesRowsContiguously() {
    FloatColumn x = ten().floats("x");
    float[] dst = new float[2 * 6 + 1];
    dst[12] = -1;
    x.gather(new int[] {9, 4, 7, 1}, 1, 2, dst);
    assertArrayEquals(new float[] {40, 41, 42, 43, 44, 45, 70, 71, 72, 73, 74, 75, -1}, dst);

    int[] labels = new int[3];
    ten().ints("y").gather(new int[] {5, 5, 0}, 0, 3, labels);
    assertArrayEquals(new int[] {5, 5, 0}, labels);
  }

  @Test
  void gatherChecksBounds() {
    FloatColumn x = ten().floats("x");
    assertThrows(IndexOutOfBoundsException.class, () -> x.gather(new int[] {10}, 0, 1, new float[6]));
    assertThrows(IndexOutOfBoundsException.class, () -> x.gather(new int[] {1, 2}, 1, 2, new float[12]));
    assertThrows(IllegalArgumentException.class, () -> x.gather(new int[] {1, 2}, 0, 2, new float[11]));
  }

  @Test
  void selectAndSliceKeepRowsTogether() {
    Dataset picked = ten().select(new int[] {3, 0, 3});
    assertEquals(3, picked.size());
    assertArrayEquals(new int[] {3, 0, 3}, picked.ints("y").values());
    assertArrayEquals(new float[] {30, 31, 32, 33, 34, 35}, picked.floats("x").example(0));
    assertArrayEquals(new int[] {2, 3}, picked.floats("x").exampleShape());

    Dataset sliced = ten().slice(7, 10);
    assertArrayEquals(new int[] {7, 8, 9}, sliced.ints("y").values());
    assertArrayEquals(new float[] {90, 91, 92, 93, 94, 95}, sliced.floats("x").example(2));
    assertEquals(0, ten().slice(4, 4).size());
    assertThrows(IndexOutOfBoundsException.class, () -> ten().slice(5, 11));
  }

  @Test
  void permutationIsDeterministicAndComplete() {
    int[] a = Dataset.permutation(1000, 7);
    assertArrayEquals(a, Dataset.permutation(1000, 7));
    assertFalse(Arrays.equals(a, Dataset.permutation(1000, 8)));
    assertArrayEquals(IntStream.range(0, 1000).toArray(), IntStream.of(a).sorted().toArray());
    assertFalse(Arrays.equals(a, IntStream.range(0, 1000).toArray()));
    assertEquals(0, Dataset.permutation(0, 1).length);
  }

  @Test
  void shuffleFollowsThePermutationAndKeepsRowsTogether() {
    Dataset shuffled = ten().shuffle(42);
    assertArrayEquals(Dataset.permutation(10, 42), shuffled.ints("y").values());
    assertArrayEquals(shuffled.ints("y").values(), ten().shuffle(42).ints("y").values());
    assertNotEquals(Arrays.toString(shuffled.ints("y").values()),
        Arrays.toString(ten().shuffle(43).ints("y").values()));
    for (int i = 0; i < 10; i++) {
      int original = shuffled.ints("y").values()[i];
      assertEquals(10f * original, shuffled.floats("x").example(i)[0]);
    }
  }

  @Test
  void splitShufflesThenCuts() {
    Dataset.Split split = ten().split(0.8, 5);
    assertEquals(8, split.first().size());
    assertEquals(2, split.second().size());
    int[] all = IntStream.concat(IntStream.of(split.first().ints("y").values()),
        IntStream.of(split.second().ints("y").values())).toArray();
    assertArrayEquals(Dataset.permutation(10, 5), all);
    assertEquals(142, Dataset.builder().ints("i", new int[178]).build().split(0.8, 1).first().size());
    assertEquals(0, ten().split(0, 1).first().size());
    assertEquals(10, ten().split(1, 1).first().size());
    assertThrows(IllegalArgumentException.class, () -> ten().split(1.5, 1));
  }

  @Test
  void withColumnAddsOrReplaces() {
    Dataset data = ten();
    IntColumn doubled = new IntColumn(IntStream.range(0, 10).map(i -> 2 * i).toArray(), new int[0]);
    Dataset added = data.withColumn("z", doubled);
    assertEquals(List.of("x", "y", "z"), List.copyOf(added.columnNames()));
    assertSame(doubled, added.column("z"));
    Dataset replaced = data.withColumn("x", doubled);
    assertEquals(List.of("x", "y"), List.copyOf(replaced.columnNames()));
    assertSame(doubled, replaced.ints("x"));
    assertFalse(data.has("z"));
    assertEquals("all columns must have the same number of examples, got x=10, y=10, z=3",
        assertThrows(IllegalArgumentException.class,
            () -> data.withColumn("z", new IntColumn(new int[3], new int[0]))).getMessage());
  }
}
