package dev.deepwire.runtime.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfRecordsTest {

  @TempDir Path dir;

  @Test
  void maskedCrcMatchesTheTfRecordDefinition() {
    // CRC32C("123456789") = 0xe3069283 (the standard check value); masked: rotr 15, + 0xa282ead8
    assertEquals(0xc78ab0e5, TfRecords.maskedCrc32c("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void readsRecordsItFramedByHand() throws IOException {
    byte[] a = "first".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[0];
    Path file = dir.resolve("two.tfrecord");
    Files.write(file, concat(frame(a), frame(b)));
    List<byte[]> records = TfRecords.read(file);
    assertEquals(2, records.size());
    assertArrayEquals(a, records.get(0));
    assertArrayEquals(b, records.get(1));
  }

  @Test
  void aFlippedByteIsABadChecksum() throws IOException {
    byte[] framed = frame("payload".getBytes(StandardCharsets.UTF_8));
    framed[14] ^= 1;
    Path file = dir.resolve("bad.tfrecord");
    Files.write(file, framed);
    IOException e = assertThrows(IOException.class, () -> TfRecords.read(file));
    assertTrue(e.getMessage().contains("bad data checksum in the record at byte 0"), e.getMessage());
  }

  @Test
  void aTruncatedFileSaysSo() throws IOException {
    byte[] framed = frame("payload".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("short.tfrecord");
    Files.write(file, java.util.Arrays.copyOf(framed, framed.length - 3));
    IOException e = assertThrows(IOException.class, () -> TfRecords.read(file));
    assertTrue(e.getMessage().contains("claims 7 bytes"), e.getMessage());
  }

  static byte[] frame(byte[] data) {
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length);
    return ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN)
        .put(header.array()).putInt(TfRecords.maskedCrc32c(header.array()))
        .put(data).putInt(TfRecords.maskedCrc32c(data)).array();
  }

  private static byte[] concat(byte[] x, byte[] y) {
    return ByteBuffer.allocate(x.length + y.length).put(x).put(y).array();
  }
}
