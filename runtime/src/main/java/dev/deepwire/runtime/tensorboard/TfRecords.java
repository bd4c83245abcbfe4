package dev.deepwire.runtime.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads TFRecord files: each record is a little-endian uint64 length, the masked CRC32C of those 8 bytes,
 * the data, and the masked CRC32C of the data.
 */
public final class TfRecords {

  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecords() {}

  /** Every record of {@code file}, checking lengths and checksums. */
  public static List<byte[]> read(Path file) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<byte[]> records = new ArrayList<>();
    while (in.hasRemaining()) {
      int start = in.position();
      if (in.remaining() < 12) {
        throw new IOException(file + ": truncated record header at byte " + start);
      }
      byte[] header = new byte[8];
      in.get(header);
      long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
      check(file, start, "length", header, in.getInt());
      if (length < 0 || length > in.remaining() - 4) {
        throw new IOException(file + ": record at byte " + start + " claims " + length + " bytes, "
            + Math.max(0, in.remaining() - 4) + " left");
      }
      byte[] data = new byte[(int) length];
      in.get(data);
      check(file, start, "data", data, in.getInt());
      records.add(data);
    }
    return records;
  }

  /** TFRecord's masked CRC32C of {@code bytes}: the CRC rotated right by 15 bits plus a constant. */
  public static int maskedCrc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    int value = (int) crc.getValue();
    return ((value >>> 15) | (value << 17)) + MASK_DELTA;
  }

  private static void check(Path file, int start, String what, byte[] bytes, int expected) throws IOException {
    int actual = maskedCrc32c(bytes);
    if (actual != expected) {
      throw new IOException(String.format("%s: bad %s checksum in the record at byte %d (stored %08x, computed %08x)",
          file, what, start, expected, actual));
    }
  }
}
