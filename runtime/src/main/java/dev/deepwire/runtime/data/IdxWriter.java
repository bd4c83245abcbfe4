package dev.deepwire.runtime.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes {@link IdxArray}s in the IDX format that {@link IdxReader} reads; gzipped for {@code .gz} names. */
public final class IdxWriter {

  private IdxWriter() {}

  /** Writes {@code array} to {@code file}, gzipped if the file name ends with {@code .gz}. */
  public static void write(Path file, IdxArray array) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      if (file.getFileName().toString().endsWith(".gz")) {
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
          write(gzip, array);
        }
      } else {
        write(out, array);
      }
    }
  }

  /** Writes {@code array} uncompressed to {@code out} (which is flushed, not closed). */
  public static void write(OutputStream out, IdxArray array) throws IOException {
    int[] dims = array.dims();
    if (dims.length > 255) {
      throw new IllegalArgumentException("IDX holds at most 255 dimensions, got " + dims.length);
    }
    DataOutputStream data = new DataOutputStream(out);
    data.writeByte(0);
    data.writeByte(0);
    data.writeByte(array.type().code());
    data.writeByte(dims.length);
    for (int dim : dims) {
      data.writeInt(dim);
    }
    data.write(array.data());
    data.flush();
  }
}
