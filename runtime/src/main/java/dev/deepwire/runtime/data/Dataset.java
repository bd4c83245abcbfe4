package dev.deepwire.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An immutable table of named {@link Column columns} that all hold the same number of examples.
 *
 * <pre>{@code
 * Dataset data = Dataset.builder()
 *     .floats("image", pixels, 28, 28)
 *     .ints("label", labels)
 *     .build();
 * Dataset.Split split = data.split(0.8, 42);   // seeded shuffle, then 80 % / 20 %
 * }</pre>
 *
 * <p>Columns keep their insertion order. Operations that reorder or subset examples ({@link #select},
 * {@link #slice}, {@link #shuffle}, {@link #split}) copy the selected values into new columns.
 */
public final class Dataset {

  private final Map<String, Column> columns;
  private final int size;

  private Dataset(Map<String, Column> columns) {
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    this.size = columns.isEmpty() ? 0 : columns.values().iterator().next().size();
  }

  /** Starts an empty dataset. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of examples; 0 for a dataset without columns. */
  public int size() {
    return size;
  }

  /** The column names, in insertion order. */
  public Set<String> columnNames() {
    return columns.keySet();
  }

  /** Whether a column called {@code name} exists. */
  public boolean has(String name) {
    return columns.containsKey(name);
  }

  /**
   * The column called {@code name}.
   *
   * @throws IllegalArgumentException if there is none, listing the columns there are
   */
  public Column column(String name) {
    Column column = columns.get(name);
    if (column == null) {
      throw new IllegalArgumentException("no column '" + name + "'; columns are " + columns.keySet());
    }
    return column;
  }

  /**
   * The float column called {@code name}.
   *
   * @throws IllegalArgumentException if there is none, or it holds ints
   */
  public FloatColumn floats(String name) {
    Column column = column(name);
    if (column instanceof FloatColumn floats) {
      return floats;
    }
    throw new IllegalArgumentException("column '" + name + "' holds ints, not floats; use ints(\"" + name + "\")");
  }

  /**
   * The int column called {@code name}.
   *
   * @throws IllegalArgumentException if there is none, or it holds floats
   */
  public IntColumn ints(String name) {
    Column column = column(name);
    if (column instanceof IntColumn ints) {
      return ints;
    }
    throw new IllegalArgumentException("column '" + name + "' holds floats, not ints; use floats(\"" + name + "\")");
  }

  /** A dataset of the examples at {@code indices}, in that order (repeats allowed). */
  public Dataset select(int[] indices) {
    Map<String, Column> selected = new LinkedHashMap<>();
    columns.forEach((name, column) -> selected.put(name, column.select(indices)));
    return new Dataset(selected);
  }

  /** The examples {@code from} (inclusive) to {@code to} (exclusive). */
  public Dataset slice(int from, int to) {
    if (from < 0 || to < from || to > size) {
      throw new IndexOutOfBoundsException(
          "slice(" + from + ", " + to + ") is outside a dataset of " + size + " examples");
    }
    int[] indices = new int[to - from];
    Arrays.setAll(indices, i -> from + i);
    return select(indices);
  }

  /** The examples in the order of {@link #permutation(int, long) permutation(size(), seed)}. */
  public Dataset shuffle(long seed) {
    return select(permutation(size, seed));
  }

  /**
   * Shuffles with {@code seed}, then cuts: the first {@code round(size() * firstFraction)} examples
   * go to {@link Split#first()}, the rest to {@link Split#second()}.
   *
   * @param firstFraction the share of examples in the first part, in {@code [0, 1]}
   */
  public Split split(double firstFraction, long seed) {
    if (!(firstFraction >= 0 && firstFraction <= 1)) {
      throw new IllegalArgumentException("firstFraction must be in [0, 1], got " + firstFraction);
    }
    int cut = (int) Math.round(size * firstFraction);
    int[] order = permutation(size, seed);
    return new Split(select(Arrays.copyOfRange(order, 0, cut)), select(Arrays.copyOfRange(order, cut, size)));
  }

  /**
   * This dataset with {@code column} added under {@code name}, or replacing the column of that name
   * (which keeps its position).
   *
   * @throws IllegalArgumentException if the column's size differs from this dataset's
   */
  public Dataset withColumn(String name, Column column) {
    checkName(name);
    if (column == null) {
      throw new IllegalArgumentException("column '" + name + "' must not be null");
    }
    Map<String, Column> next = new LinkedHashMap<>(columns);
    next.put(name, column);
    checkSizes(next);
    return new Dataset(next);
  }

  /** This dataset without the column called {@code name}. */
  public Dataset without(String name) {
    column(name);
    Map<String, Column> next = new LinkedHashMap<>(columns);
    next.remove(name);
    return new Dataset(next);
  }

  /**
   * A random permutation of {@code 0 .. n-1}: a Fisher-Yates shuffle driven by
   * {@code new SplittableRandom(seed)}, so the same {@code n} and seed always give the same order.
   */
  public static int[] permutation(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, got " + n);
    }
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Dataset[size=").append(size);
    columns.forEach((name, column) -> text.append(", ").append(name).append(' ')
        .append(column instanceof FloatColumn ? "float" : "int")
        .append(Arrays.toString(column.exampleShape())));
    return text.append(']').toString();
  }

  private static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("column names must be non-empty, got " + (name == null ? "null" : "''"));
    }
  }

  private static void checkSizes(Map<String, Column> columns) {
    if (columns.values().stream().mapToInt(Column::size).distinct().count() > 1) {
      List<String> counts = new ArrayList<>();
      columns.forEach((name, column) -> counts.add(name + "=" + column.size()));
      throw new IllegalArgumentException(
          "all columns must have the same number of examples, got " + String.join(", ", counts));
    }
  }

  /** Two parts of a dataset, as made by {@link #split(double, long)}. */
  public record Split(Dataset first, Dataset second) {}

  /** Collects columns for {@link Dataset}; see {@link Dataset#builder()}. */
  public static final class Builder {

    private final Map<String, Column> columns = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a float column; {@code exampleShape} is empty for one number per example. */
    public Builder floats(String name, float[] values, int... exampleShape) {
      return add(name, new FloatColumn(values, exampleShape));
    }

    /** Adds an int column; {@code exampleShape} is empty for one number per example. */
    public Builder ints(String name, int[] values, int... exampleShape) {
      return add(name, new IntColumn(values, exampleShape));
    }

    /** Adds a column made elsewhere. */
    public Builder column(String name, Column column) {
      if (column == null) {
        throw new IllegalArgumentException("column '" + name + "' must not be null");
      }
      return add(name, column);
    }

    /**
     * The dataset.
     *
     * @throws IllegalArgumentException if the columns hold different numbers of examples, naming each
     */
    public Dataset build() {
      checkSizes(columns);
      return new Dataset(columns);
    }

    private Builder add(String name, Column column) {
      checkName(name);
      if (columns.containsKey(name)) {
        throw new IllegalArgumentException("column '" + name + "' was already added");
      }
      columns.put(name, column);
      return this;
    }
  }
}
