package dev.deepwire.runtime.callbacks;

import dev.deepwire.runtime.EpochResult;
import dev.deepwire.runtime.TrainingCallback;
import dev.deepwire.runtime.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Appends one CSV row per epoch: {@code epoch}, the training figures, then the validation ones prefixed
 * {@code val_}. The header is written with the first row; each row is flushed so a crash loses nothing.
 */
public final class CsvLogger implements TrainingCallback {

  private final Path file;
  private List<String> columns;

  public CsvLogger(Path file) {
    this.file = file;
  }

  @Override
  public void onEpochEnd(TrainingContext context, EpochResult result) {
    boolean fresh = columns == null;
    if (fresh) {
      columns = new ArrayList<>(result.train().keySet().stream().sorted().toList());
      result.validation().keySet().stream().sorted().forEach(k -> columns.add("val_" + k));
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, fresh ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
         CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      if (fresh) {
        List<String> header = new ArrayList<>();
        header.add("epoch");
        header.addAll(columns);
        csv.printRecord(header);
      }
      List<Object> row = new ArrayList<>();
      row.add(result.epoch());
      for (String column : columns) {
        row.add(column.startsWith("val_")
            ? result.validation().get(column.substring(4)) : result.train().get(column));
      }
      csv.printRecord(row);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
