package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  @TempDir Path dir;

  private static final String WINE = """
      alcohol,malic_acid,ash
      14.23,1.71,2.43
      13.2,1.78,2.14
      13.16,2.36,2.67
      """;

  @Test
  void readsAFileWithAHeader() throws IOException {
    Path file = dir.resolve("wine.csv");
    Files.writeString(file, WINE);
    CsvTable table = CsvReader.read(file, true);
    assertEquals("wine.csv", table.sourceName());
    assertEquals(List.of("alcohol", "malic_acid", "ash"), table.columnNames());
    assertEquals(3, table.rowCount());
    assertEquals(3, table.columnCount());
    assertArrayEquals(new float[] {14.23f, 1.71f, 2.43f}, table.row(0));
    assertArrayEquals(new float[] {1.71f, 1.78f, 2.36f}, table.column("malic_acid"));
    assertArrayEquals(new float[] {2.43f, 2.14f, 2.67f}, table.column(2));
    assertArrayEquals(new float[] {14.23f, 2.43f, 13.2f, 2.14f, 13.16f, 2.67f}, table.rowsExcept(1));
    assertArrayEquals(new float[] {2.43f, 14.23f, 2.14f, 13.2f, 2.67f, 13.16f}, table.columns(2, 0));
    assertEquals("wine.csv has no column 'hue'; columns are [alcohol, malic_acid, ash]",
        assertThrows(IllegalArgumentException.class, () -> table.column("hue")).getMessage());
  }

  @Test
  void readsWithoutHeaderSkippingCommentsBlankLinesAndSpaces() throws IOException {
    String text = "# made by hand\n1, 2 ,3\n\n4,5,6e-1\n\"7\",NaN,-Infinity\n";
    CsvTable table = CsvReader.read(new StringReader(text), "plain", false);
    assertEquals(List.of(), table.columnNames());
    assertEquals(3, table.rowCount());
    assertArrayEquals(new float[] {1, 4, 7}, table.column(0));
    assertArrayEquals(new float[] {3, 0.6f, Float.NEGATIVE_INFINITY}, table.column(2));
    assertEquals(Float.NaN, table.row(2)[1]);
    assertEquals("plain was read without a header; use column(int)",
        assertThrows(IllegalArgumentException.class, () -> table.column("a")).getMessage());
  }

  @Test
  void gunzipsGzFiles() throws IOException {
    Path file = dir.resolve("wine.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(WINE.getBytes(StandardCharsets.UTF_8));
    }
    CsvTable table = CsvReader.read(file, true);
    assertEquals(3, table.rowCount());
    assertArrayEquals(new float[] {14.23f, 13.2f, 13.16f}, table.column("alcohol"));
  }

  @Test
  void readsWhitespaceSeparatedFiles() throws IOException {
    // The layout of scikit-learn's diabetes_data_raw.csv.gz, plus a tab and a double space.
    Path file = dir.resolve("diabetes_data_raw.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("59 2 32.1 101.0\n48 1  21.6\t87.0\n".getBytes(StandardCharsets.UTF_8));
    }
    CsvTable table = CsvReader.read(file, false);
    assertEquals(2, table.rowCount());
    assertArrayEquals(new float[] {48, 1, 21.6f, 87}, table.row(1));
  }

  @Test
  void tabsAndSemicolonsAreDetected() throws IOException {
    assertArrayEquals(new float[] {1, 2, 3},
        CsvReader.read(new StringReader("a\tb\tc\n1\t2\t3\n"), "t", true).row(0));
    assertArrayEquals(new float[] {1.5f, 2},
        CsvReader.read(new StringReader("1.5;2\n"), "s", false).row(0));
  }

  @Test
  void skipLinesDropsAMetadataLine() throws IOException {
    // scikit-learn's wine_data.csv starts with "178,13,class_0,class_1,class_2", not column names.
    String text = "3,2,class_0,class_1\n1,2,0\n3,4,1\n5,6,2\n";
    CsvTable table = CsvReader.options().skipLines(1).read(new StringReader(text), "wine_data.csv");
    assertEquals(3, table.rowCount());
    assertArrayEquals(new float[] {0, 1, 2}, table.column(2));
    assertEquals("wine_data.csv: record 2 (line 3), column 1: 'x' is not a number",
        assertThrows(DataFormatException.class, () -> CsvReader.options().skipLines(1)
            .read(new StringReader("meta\n1,2\nx,3\n"), "wine_data.csv")).getMessage());
  }

  @Test
  void badNumberNamesFileRecordLineAndColumn() throws IOException {
    StringBuilder text = new StringBuilder("alcohol,malic_acid,ash\n");
    for (int i = 1; i <= 20; i++) {
      text.append("1,2,").append(i == 17 ? "abc" : "3").append('\n');
    }
    Path file = dir.resolve("wine.csv");
    Files.writeString(file, text);
    assertEquals("wine.csv: record 17 (line 18), column 3 ('ash'): 'abc' is not a number",
        assertThrows(DataFormatException.class, () -> CsvReader.read(file, true)).getMessage());
  }

  @Test
  void emptyAndSuffixedNumbersAreRejected() {
    assertEquals("e.csv: record 2 (line 2), column 2: '' is not a number",
        assertThrows(DataFormatException.class,
            () -> CsvReader.read(new StringReader("1,2\n3,\n"), "e.csv", false)).getMessage());
    assertEquals("e.csv: record 1 (line 1), column 1: '1f' is not a number",
        assertThrows(DataFormatException.class,
            () -> CsvReader.read(new StringReader("1f,2\n"), "e.csv", false)).getMessage());
  }

  @Test
  void raggedRecordIsReported() throws IOException {
    Path file = dir.resolve("wine.csv");
    Files.writeString(file, "a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,2,3\n1,2\n");
    assertEquals("wine.csv: record 5 (line 6) has 2 fields, expected 3 like the header (line 1)",
        assertThrows(DataFormatException.class, () -> CsvReader.read(file, true)).getMessage());
    assertEquals("w: record 2 (line 2) has 3 fields, expected 2 like record 1 (line 1)",
        assertThrows(DataFormatException.class,
            () -> CsvReader.read(new StringReader("1 2\n3 4 5\n"), "w", false)).getMessage());
  }

  @Test
  void emptyFileWithHeaderIsReported() {
    assertEquals("none.csv: empty: expected a header line",
        assertThrows(DataFormatException.class,
            () -> CsvReader.read(new StringReader(""), "none.csv", true)).getMessage());
  }

  @Test
  void skipBadRowsDropsNothingSilently() throws IOException {
    Path file = dir.resolve("wine.csv");
    Files.writeString(file, "a,b\n1,x\n1,2\n3,4,5\n6,7\n,8\n");
    CsvTable table = CsvReader.options().header(true).skipBadRows(true).read(file);
    assertEquals(2, table.rowCount());
    assertArrayEquals(new float[] {1, 6}, table.column("a"));
    assertEquals(3, table.skippedCount());
    assertEquals(List.of("wine.csv: record 1 (line 2), column 2 ('b'): 'x' is not a number",
        "wine.csv: record 3 (line 4) has 3 fields, expected 2 like the header (line 1)",
        "wine.csv: record 5 (line 6), column 1 ('a'): '' is not a number"), table.skipped());
  }

  @Test
  void aSkippedFirstRecordDoesNotSetTheWidth() throws IOException {
    CsvTable table = CsvReader.options().skipBadRows(true).read(new StringReader("1,2,oops\n3,4\n5,6\n"), "w");
    assertEquals(2, table.columnCount());
    assertEquals(List.of("w: record 1 (line 1), column 3: 'oops' is not a number"), table.skipped());
    assertEquals(0, CsvReader.read(new StringReader("1,2\n"), "w", false).skippedCount());
  }
}
