package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"images-idx3-ubyte", "images-idx3-ubyte.gz"})
  void unsignedBytesRoundTrip(String name) throws IOException {
    int[] pixels = {0, 1, 127, 128, 254, 255, 7, 8, 9, 10, 11, 12};
    Path file = dir.resolve(name);
    IdxWriter.write(file, IdxArray.ofInts(IdxType.UNSIGNED_BYTE, pixels, 2, 2, 3));

    IdxArray read = IdxReader.read(file);
    assertEquals(IdxType.UNSIGNED_BYTE, read.type());
    assertArrayEquals(new int[] {2, 2, 3}, read.dims());
    assertEquals(2, read.count());
    assertArrayEquals(new int[] {2, 3}, read.exampleShape());
    assertArrayEquals(pixels, read.toInts());
    assertArrayEquals(new float[] {0, 1, 127, 128, 254, 255, 7, 8, 9, 10, 11, 12}, read.toFloats());
  }

  @Test
  void gzipIsDetectedByContentNotName() throws IOException {
    Path file = dir.resolve("labels.idx");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      IdxWriter.write(out, IdxArray.ofInts(IdxType.UNSIGNED_BYTE, new int[] {3, 1, 4}, 3));
    }
    assertEquals((byte) 0x1f, Files.readAllBytes(file)[0]);
    IdxArray read = IdxReader.read(file);
    assertArrayEquals(new int[] {3, 1, 4}, read.toInts());
    assertArrayEquals(new int[0], read.exampleShape());
  }

  @ParameterizedTest
  @ValueSource(strings = {"floats.idx", "floats.idx.gz"})
  void floatsAndDoublesRoundTrip(String name) throws IOException {
    float[] values = {0.5f, -1.25f, Float.MAX_VALUE, 3e-7f, 0, -0f};
    Path file = dir.resolve(name);
    IdxWriter.write(file, IdxArray.ofFloats(IdxType.FLOAT, values, 3, 2));
    IdxArray read = IdxReader.read(file);
    assertEquals(IdxType.FLOAT, read.type());
    assertArrayEquals(values, read.toFloats());
    assertEquals("toInts() cannot convert an IDX array of float (0x0D) elements; use toFloats()",
        assertThrows(IllegalStateException.class, read::toInts).getMessage());

    Path doubles = dir.resolve("d-" + name);
    IdxWriter.write(doubles, IdxArray.ofFloats(IdxType.DOUBLE, values, 6));
    assertArrayEquals(values, IdxReader.read(doubles).toFloats());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ints.idx", "ints.idx.gz"})
  void integerTypesRoundTrip(String name) throws IOException {
    int[] ints = {Integer.MIN_VALUE, -1, 0, 1, 70000, Integer.MAX_VALUE};
    Path file = dir.resolve(name);
    IdxWriter.write(file, IdxArray.ofInts(IdxType.INT, ints, 2, 3));
    assertArrayEquals(ints, IdxReader.read(file).toInts());

    int[] small = {-128, -1, 0, 127};
    IdxWriter.write(file, IdxArray.ofInts(IdxType.SIGNED_BYTE, small, 4));
    assertArrayEquals(small, IdxReader.read(file).toInts());
    assertArrayEquals(new float[] {-128, -1, 0, 127}, IdxReader.read(file).toFloats());

    int[] shorts = {-32768, -2, 300, 32767};
    IdxWriter.write(file, IdxArray.ofInts(IdxType.SHORT, shorts, 2, 2));
    assertArrayEquals(shorts, IdxReader.read(file).toInts());
    assertArrayEquals(new float[] {-32768, -2, 300, 32767}, IdxReader.read(file).toFloats());
  }

  @Test
  void readsTheStandardHeaderBytes() throws IOException {
    byte[] bytes = ByteBuffer.allocate(4 + 8 + 4).put(new byte[] {0, 0, 0x08, 2})
        .putInt(2).putInt(2).put(new byte[] {1, 2, (byte) 200, 4}).array();
    IdxArray read = IdxReader.read(new ByteArrayInputStream(bytes), "tiny");
    assertArrayEquals(new int[] {1, 2, 200, 4}, read.toInts());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void truncatedRecordNamesFileAndRecord(boolean gzip) throws IOException {
    // 5 records of 2x2 floats (16 bytes each); keep 2 whole records and 6 bytes of the third.
    byte[] full = idxBytes(IdxArray.ofFloats(IdxType.FLOAT, new float[20], 5, 2, 2));
    byte[] cut = Arrays.copyOf(full, 4 + 12 + 2 * 16 + 6);
    Path file = dir.resolve(gzip ? "train-images-idx3-ubyte.gz" : "train-images-idx3-ubyte");
    write(file, cut, gzip);
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.read(file));
    assertEquals(file.getFileName() + ": truncated: record 3 of 5 is incomplete (expected 16 bytes, found 6)",
        e.getMessage());
    assertEquals(file.getFileName().toString(), e.source());
  }

  @Test
  void corruptGzipDataIsReportedWithTheFileName() throws IOException {
    java.util.Random random = new java.util.Random(3);
    byte[] full = idxBytes(IdxArray.ofInts(IdxType.UNSIGNED_BYTE, random.ints(40_000, 0, 4).toArray(), 40, 1000));
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(zipped)) {
      out.write(full);
    }
    byte[] middle = zipped.toByteArray();
    Arrays.fill(middle, middle.length / 2, middle.length / 2 + 8, (byte) 0xFF);
    // Garbled deflate data decodes to the wrong amount of data, or fails the CRC in the trailer.
    String garbled = assertThrows(DataFormatException.class,
        () -> IdxReader.read(new ByteArrayInputStream(middle), "t10k-images.gz")).getMessage();
    assertTrue(garbled.matches("t10k-images.gz: (corrupt gzip data in record \\d+ of 40: .*"
        + "|unexpected data after the last of 40 records; .*)"), garbled);
    byte[] trailer = zipped.toByteArray();
    trailer[trailer.length - 6] ^= 0x55;
    String message = assertThrows(DataFormatException.class,
        () -> IdxReader.read(new ByteArrayInputStream(trailer), "t10k-images.gz")).getMessage();
    assertTrue(message.startsWith("t10k-images.gz: corrupt gzip data") && message.endsWith("Corrupt GZIP trailer"),
        message);
  }

  @Test
  void missingRecordsAndHeaderAreReported() throws IOException {
    byte[] full = idxBytes(IdxArray.ofInts(IdxType.UNSIGNED_BYTE, new int[6], 3, 2));
    assertEquals("labels: truncated: the data ends after 2 of 3 records (record size 2 bytes)",
        assertThrows(DataFormatException.class, () -> IdxReader.read(
            new ByteArrayInputStream(Arrays.copyOf(full, full.length - 2)), "labels")).getMessage());
    assertEquals("labels: truncated: the header declares 2 dimensions but ends after 1",
        assertThrows(DataFormatException.class, () -> IdxReader.read(
            new ByteArrayInputStream(Arrays.copyOf(full, 9)), "labels")).getMessage());
    assertEquals("empty: truncated: the file has 0 bytes, too short for the 4-byte IDX header",
        assertThrows(DataFormatException.class,
            () -> IdxReader.read(new ByteArrayInputStream(new byte[0]), "empty")).getMessage());
    byte[] longer = Arrays.copyOf(full, full.length + 1);
    assertEquals("labels: unexpected data after the last of 3 records; dimensions [3, 2] of unsigned byte (0x08)"
            + " do not match the file",
        assertThrows(DataFormatException.class,
            () -> IdxReader.read(new ByteArrayInputStream(longer), "labels")).getMessage());
  }

  @Test
  void badMagicIsReported() throws IOException {
    Path file = dir.resolve("x.idx");
    Files.write(file, new byte[] {0x12, 0x34, 0x08, 1, 0, 0, 0, 0});
    assertEquals("x.idx: not an IDX file: magic bytes 0x12 0x34, expected 0x00 0x00",
        assertThrows(DataFormatException.class, () -> IdxReader.read(file)).getMessage());
  }

  @Test
  void unknownTypeCodeIsReported() throws IOException {
    Path file = dir.resolve("x.idx.gz");
    write(file, new byte[] {0, 0, 0x07, 1, 0, 0, 0, 0}, true);
    assertEquals(
        "x.idx.gz: unknown IDX type code 0x07 (expected one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E)",
        assertThrows(DataFormatException.class, () -> IdxReader.read(file)).getMessage());
  }

  @Test
  void rankZeroIsReported() {
    assertEquals("r0: IDX rank is 0; an array needs at least one dimension",
        assertThrows(DataFormatException.class, () -> IdxReader.read(
            new ByteArrayInputStream(new byte[] {0, 0, 0x08, 0}), "r0")).getMessage());
  }

  private static byte[] idxBytes(IdxArray array) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IdxWriter.write(out, array);
    return out.toByteArray();
  }

  private static void write(Path file, byte[] bytes, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(bytes);
    }
  }
}
