package dev.deepwire.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads numeric CSV files into a {@link CsvTable}, with Apache Commons CSV.
 *
 * <p>The separator is detected from the first line that is neither blank nor a {@code #} comment:
 * a comma, else a tab, else a semicolon, else runs of spaces (as in scikit-learn's
 * {@code diabetes_data_raw.csv.gz}). Files whose name ends in {@code .gz} are gunzipped. Blank lines
 * and lines starting with {@code #} are skipped; fields are trimmed; every value must parse as a
 * float ({@code NaN} and {@code Infinity} are accepted).
 *
 * <pre>{@code
 * CsvTable wine = CsvReader.read(Path.of("wine.csv"), true);
 * float[] alcohol = wine.column("alcohol");
 * CsvTable raw = CsvReader.options().skipLines(1).read(Path.of("wine_data.csv"));
 * }</pre>
 *
 * <p>Malformed input raises {@link DataFormatException} naming the file, the record (data rows
 * counted from 1, without the header), its line and the column (from 1, with its header name):
 * {@code "wine.csv: record 17 (line 18), column 3 ('ash'): 'abc' is not a number"} or
 * {@code "wine.csv: record 5 (line 6) has 12 fields, expected 13"}.
 */
public final class CsvReader {

  private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private CsvReader() {}

  /** Reads {@code file}; {@code header} says whether its first line holds column names. */
  public static CsvTable read(Path file, boolean header) throws IOException {
    return options().header(header).read(file);
  }

  /** Reads {@code in} (which is left open); errors call it {@code sourceName}. */
  public static CsvTable read(Reader in, String sourceName, boolean header) throws IOException {
    return options().header(header).read(in, sourceName);
  }

  /** Settings for files that need more than {@link #read(Path, boolean)}. */
  public static Options options() {
    return new Options();
  }

  /** How to read a file: header, lines to skip, separator. Mutable; build one per use. */
  public static final class Options {

    private boolean header;
    private int skipLines;
    private Character delimiter;
    private boolean whitespace;
    private boolean skipBadRows;

    private Options() {}

    /**
     * Whether records of the wrong width or with a field that is not a number are left out instead of failing
     * the read; default false. Each one is logged and listed in {@link CsvTable#skipped()}, so none is dropped
     * silently.
     */
    public Options skipBadRows(boolean skip) {
      this.skipBadRows = skip;
      return this;
    }

    /** Whether the first line (after {@link #skipLines}) holds column names; default false. */
    public Options header(boolean header) {
      this.header = header;
      return this;
    }

    /** Skips the first {@code lines} physical lines, e.g. a line of metadata; default 0. */
    public Options skipLines(int lines) {
      if (lines < 0) {
        throw new IllegalArgumentException("skipLines must not be negative, got " + lines);
      }
      this.skipLines = lines;
      return this;
    }

    /** Fixes the separator instead of detecting it. */
    public Options delimiter(char delimiter) {
      this.delimiter = delimiter;
      this.whitespace = false;
      return this;
    }

    /** Splits fields on runs of spaces and tabs instead of detecting the separator. */
    public Options whitespace() {
      this.delimiter = null;
      this.whitespace = true;
      return this;
    }

    /** Reads {@code file}, gunzipping it if its name ends with {@code .gz}. */
    public CsvTable read(Path file) throws IOException {
      String name = file.getFileName().toString();
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return read(reader, name);
      }
    }

    /** Reads {@code in} (which is left open); errors call it {@code sourceName}. */
    public CsvTable read(Reader in, String sourceName) throws IOException {
      BufferedReader reader = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
      for (int i = 0; i < skipLines; i++) {
        if (reader.readLine() == null) {
          break;
        }
      }
      Character separator = delimiter;
      boolean spaces = whitespace;
      if (separator == null && !spaces) {
        String first = peekFirstLine(reader);
        if (first.indexOf(',') >= 0) {
          separator = ',';
        } else if (first.indexOf('\t') >= 0) {
          separator = '\t';
        } else if (first.indexOf(';') >= 0) {
          separator = ';';
        } else {
          spaces = true;
        }
      }
      Table table = new Table(sourceName, header, skipLines, skipBadRows);
      if (spaces) {
        readWhitespace(reader, table);
      } else {
        readDelimited(reader, separator, table);
      }
      return table.finish();
    }

    private static String peekFirstLine(BufferedReader reader) throws IOException {
      reader.mark(1 << 20);
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.trim();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          break;
        }
      }
      reader.reset();
      return line == null ? "" : line;
    }

    private static void readWhitespace(BufferedReader reader, Table table) throws IOException {
      String line;
      long lineNumber = table.skippedLines;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        table.accept(List.of(WHITESPACE.split(trimmed)), lineNumber);
      }
    }

    private static void readDelimited(BufferedReader reader, char separator, Table table) throws IOException {
      CSVFormat format = CSVFormat.DEFAULT.builder()
          .setDelimiter(separator)
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setTrim(true)
          .get();
      try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        for (CSVRecord record : parser) {
          List<String> fields = new ArrayList<>(record.size());
          record.forEach(fields::add);
          // After a record, the parser has consumed its line ending: its count is the record's last line.
          table.accept(fields, table.skippedLines + parser.getCurrentLineNumber());
        }
      } catch (UncheckedIOException e) {
        throw new DataFormatException(table.sourceName, "malformed CSV: " + e.getCause().getMessage(), e);
      }
    }
  }

  /** Accumulates records, checking widths and numbers. */
  private static final class Table {

    private final String sourceName;
    private final int skippedLines;
    private boolean expectHeader;
    private List<String> names = List.of();
    private final List<float[]> rows = new ArrayList<>();
    private final boolean skipBadRows;
    private final List<String> skipped = new ArrayList<>();
    private int width = -1;
    private String widthSource;

    Table(String sourceName, boolean header, int skippedLines, boolean skipBadRows) {
      this.sourceName = sourceName;
      this.expectHeader = header;
      this.skippedLines = skippedLines;
      this.skipBadRows = skipBadRows;
    }

    void accept(List<String> fields, long line) throws DataFormatException {
      try {
        acceptOrFail(fields, line);
      } catch (DataFormatException e) {
        if (!skipBadRows) {
          throw e;
        }
        skipped.add(e.getMessage());
        LOG.warn("skipped {}", e.getMessage());
      }
    }

    private void acceptOrFail(List<String> fields, long line) throws DataFormatException {
      if (expectHeader) {
        expectHeader = false;
        names = List.copyOf(fields);
        width = fields.size();
        widthSource = "the header (line " + line + ")";
        return;
      }
      int record = rows.size() + skipped.size() + 1;
      String where = "record " + record + " (line " + line + ")";
      if (width >= 0 && fields.size() != width) {
        throw new DataFormatException(sourceName,
            where + " has " + fields.size() + " fields, expected " + width + " like " + widthSource);
      }
      float[] row = new float[fields.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = parse(fields.get(c), where, c);
      }
      if (width < 0) {
        // The first good record sets the width, so a skipped bad one cannot.
        width = row.length;
        widthSource = where;
      }
      rows.add(row);
    }

    private float parse(String field, String where, int column) throws DataFormatException {
      String text = field.trim();
      char last = text.isEmpty() ? ' ' : Character.toLowerCase(text.charAt(text.length() - 1));
      if (!text.isEmpty() && last != 'f' && last != 'd') {
        try {
          return Float.parseFloat(text);
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      String columnName = column < names.size() ? " ('" + names.get(column) + "')" : "";
      throw new DataFormatException(sourceName,
          where + ", column " + (column + 1) + columnName + ": '" + field + "' is not a number");
    }

    CsvTable finish() throws DataFormatException {
      if (expectHeader) {
        throw new DataFormatException(sourceName, "empty: expected a header line");
      }
      return new CsvTable(sourceName, names, rows.toArray(new float[0][]), skipped);
    }
  }
}
