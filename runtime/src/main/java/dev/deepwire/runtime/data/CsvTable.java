package dev.deepwire.runtime.data;

import java.util.List;

/**
 * A numeric table read by {@link CsvReader}: row-major, {@code rows[record][column]}, every row the
 * same width.
 *
 * <p>Columns are indexed from 0 in this API. (Error messages count records and columns from 1, the
 * way people and spreadsheets do.)
 *
 * @param sourceName the file the table came from, for messages
 * @param columnNames the header names, or an empty list for a file read without a header
 * @param rows the values, one array per record
 * @param skipped why each record left out by {@link CsvReader.Options#skipBadRows} was bad, naming file and record
 */
public record CsvTable(String sourceName, List<String> columnNames, float[][] rows, List<String> skipped) {

  /** Copies the names; the rows are shared. */
  public CsvTable {
    columnNames = List.copyOf(columnNames);
    skipped = List.copyOf(skipped);
  }

  /** A table with nothing skipped. */
  public CsvTable(String sourceName, List<String> columnNames, float[][] rows) {
    this(sourceName, columnNames, rows, List.of());
  }

  /** How many malformed records were skipped. */
  public int skippedCount() {
    return skipped.size();
  }

  /** The number of records (rows), not counting the header. */
  public int rowCount() {
    return rows.length;
  }

  /** The number of columns; 0 for an empty headerless table. */
  public int columnCount() {
    return rows.length > 0 ? rows[0].length : columnNames.size();
  }

  /** The values of column {@code index} (from 0), one per row. */
  public float[] column(int index) {
    checkColumn(index);
    float[] values = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      values[r] = rows[r][index];
    }
    return values;
  }

  /** The values of the column whose header is {@code name}. */
  public float[] column(String name) {
    return column(columnIndex(name));
  }

  /**
   * The index (from 0) of the column whose header is {@code name}.
   *
   * @throws IllegalArgumentException if the table has no header or no such column
   */
  public int columnIndex(String name) {
    if (columnNames.isEmpty()) {
      throw new IllegalArgumentException(sourceName + " was read without a header; use column(int)");
    }
    int index = columnNames.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(sourceName + " has no column '" + name + "'; columns are " + columnNames);
    }
    return index;
  }

  /** Columns {@code indices}, in that order, as one row-major matrix of {@code rowCount() x indices.length}. */
  public float[] columns(int... indices) {
    for (int index : indices) {
      checkColumn(index);
    }
    float[] values = new float[Math.multiplyExact(rows.length, indices.length)];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < indices.length; c++) {
        values[r * indices.length + c] = rows[r][indices[c]];
      }
    }
    return values;
  }

  /** Every column except {@code excluded}, in file order, as one row-major matrix. */
  public float[] rowsExcept(int... excluded) {
    return columns(indicesExcept(excluded));
  }

  /** The column indices {@code 0 .. columnCount()-1} without {@code excluded}, in order. */
  public int[] indicesExcept(int... excluded) {
    for (int index : excluded) {
      checkColumn(index);
    }
    return java.util.stream.IntStream.range(0, columnCount())
        .filter(c -> java.util.Arrays.stream(excluded).noneMatch(e -> e == c))
        .toArray();
  }

  /** Row {@code index} (from 0); the array is shared. */
  public float[] row(int index) {
    return rows[index];
  }

  @Override
  public String toString() {
    return "CsvTable[" + sourceName + ", " + rowCount() + " rows x " + columnCount() + " columns"
        + (columnNames.isEmpty() ? "" : ", " + columnNames) + "]";
  }

  private void checkColumn(int index) {
    if (index < 0 || index >= columnCount()) {
      throw new IndexOutOfBoundsException(
          "column " + index + " is outside 0.." + (columnCount() - 1) + " of " + sourceName);
    }
  }
}
