package dev.deepwire.runtime.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, gunzipping them when they start with the
 * gzip magic bytes {@code 1f 8b} (whatever the file is called).
 *
 * <p>An IDX file is: two zero bytes, a type code ({@link IdxType}), the rank {@code r}, then
 * {@code r} big-endian int32 dimensions, then the elements, big-endian, row-major. The first
 * dimension counts records (examples); a record is one example of {@code dims[1..]} elements.
 *
 * <pre>{@code
 * IdxArray images = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"));
 * float[] pixels = images.toFloats();          // 0..255
 * int[] shape = images.exampleShape();         // {28, 28}
 * }</pre>
 *
 * <p>Malformed input raises {@link DataFormatException} naming the file and the record (counted from
 * 1), e.g. {@code "train-images-idx3-ubyte.gz: truncated: record 1234 of 60000 is incomplete
 * (expected 784 bytes, found 100)"}.
 */
public final class IdxReader {

  private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /** Reads {@code file}, naming it by its file name in errors. */
  public static IdxArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    }
  }

  /**
   * Reads one IDX array from {@code in} (which is left open).
   *
   * @param sourceName the name errors give the stream, usually its file name
   */
  public static IdxArray read(InputStream in, String sourceName) throws IOException {
    InputStream data = maybeGunzip(new BufferedInputStream(in, 1 << 16), sourceName);

    byte[] magic = new byte[4];
    int got = readFully(data, magic, sourceName, "the header");
    if (got < 4) {
      throw new DataFormatException(sourceName,
          "truncated: the file has " + got + " bytes, too short for the 4-byte IDX header");
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw new DataFormatException(sourceName, String.format(
          "not an IDX file: magic bytes 0x%02X 0x%02X, expected 0x00 0x00", magic[0], magic[1]));
    }
    IdxType type = IdxType.ofCode(magic[2] & 0xFF);
    if (type == null) {
      throw new DataFormatException(sourceName, String.format(
          "unknown IDX type code 0x%02X (expected one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E)", magic[2]));
    }
    int rank = magic[3] & 0xFF;
    if (rank == 0) {
      throw new DataFormatException(sourceName, "IDX rank is 0; an array needs at least one dimension");
    }

    byte[] dimBytes = new byte[4 * rank];
    got = readFully(data, dimBytes, sourceName, "the dimensions");
    if (got < dimBytes.length) {
      throw new DataFormatException(sourceName,
          "truncated: the header declares " + rank + " dimensions but ends after " + got / 4);
    }
    int[] dims = new int[rank];
    long elements = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = ((dimBytes[4 * i] & 0xFF) << 24) | ((dimBytes[4 * i + 1] & 0xFF) << 16)
          | ((dimBytes[4 * i + 2] & 0xFF) << 8) | (dimBytes[4 * i + 3] & 0xFF);
      if (dims[i] < 0) {
        throw new DataFormatException(sourceName,
            "dimension " + (i + 1) + " of " + rank + " is negative (" + dims[i] + ")");
      }
      elements *= dims[i];
      if (elements * type.bytes() > MAX_BYTES) {
        throw new DataFormatException(sourceName,
            "dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1)) + "... of " + type
                + " exceed the 2 GB a Java array holds");
      }
    }

    int records = dims[0];
    int recordBytes = (int) (elements / Math.max(records, 1)) * type.bytes();
    if (records == 0) {
      recordBytes = 0;
    }
    byte[] values = new byte[(int) (elements * type.bytes())];
    for (int r = 0; r < records; r++) {
      int found = readFully(data, values, r * recordBytes, recordBytes, sourceName,
          "record " + (r + 1) + " of " + records);
      if (found < recordBytes) {
        if (found == 0) {
          throw new DataFormatException(sourceName, "truncated: the data ends after " + r + " of "
              + records + " records (record size " + recordBytes + " bytes)");
        }
        throw new DataFormatException(sourceName, "truncated: record " + (r + 1) + " of " + records
            + " is incomplete (expected " + recordBytes + " bytes, found " + found + ")");
      }
    }
    if (readByte(data, sourceName) >= 0) {
      throw new DataFormatException(sourceName, "unexpected data after the last of " + records
          + " records; dimensions " + Arrays.toString(dims) + " of " + type + " do not match the file");
    }
    return new IdxArray(dims, type, values);
  }

  private static InputStream maybeGunzip(BufferedInputStream in, String sourceName) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      try {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      } catch (ZipException | EOFException e) {
        throw new DataFormatException(sourceName, "corrupt gzip header: " + e.getMessage(), e);
      }
    }
    return in;
  }

  private static int readFully(InputStream in, byte[] dst, String sourceName, String what) throws IOException {
    return readFully(in, dst, 0, dst.length, sourceName, what);
  }

  /** Reads up to {@code length} bytes, stopping early only at the end of the data; returns the count. */
  private static int readFully(InputStream in, byte[] dst, int offset, int length, String sourceName,
      String what) throws IOException {
    int total = 0;
    try {
      while (total < length) {
        int n = in.read(dst, offset + total, length - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
    } catch (EOFException e) {
      // A gzip stream cut short: treat like the end of the data, so the caller reports the record.
    } catch (ZipException e) {
      throw new DataFormatException(sourceName, "corrupt gzip data in " + what + ": " + e.getMessage(), e);
    }
    return total;
  }

  private static int readByte(InputStream in, String sourceName) throws IOException {
    try {
      return in.read();
    } catch (EOFException e) {
      return -1;
    } catch (ZipException e) {
      throw new DataFormatException(sourceName, "corrupt gzip data after the last record: " + e.getMessage(), e);
    }
  }
}
