package dev.deepwire.runtime;

import dev.deepwire.runtime.internal.ModelOps.VariableSlot;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Saves and restores every variable of a model (weights and optimizer state) with the epoch reached.
 *
 * <p>Writes are atomic: the file is written beside the target, forced to disk, then renamed over it, so a
 * crash leaves either the old checkpoint or the new one, never a torn file. A CRC32 catches corruption.
 *
 * <p>Format: {@code "DWCKPT01"}, model name (UTF), epoch (int), variable count (int), then per variable
 * its name (UTF), rank (int), dimensions (long each), values (big-endian floats); last the CRC32 (long)
 * of everything before it.
 */
public final class Checkpoints {

  private static final String MAGIC = "DWCKPT01";

  private Checkpoints() {}

  /** A checkpoint's content: the epoch it was taken after and each variable's values. */
  public record Snapshot(String modelName, int epoch, Map<String, float[]> values, Map<String, long[]> shapes) {}

  /** Saves {@code model}'s variables to {@code file}, atomically. */
  public static void save(CompiledModel<?> model, Path file, int epoch) throws IOException {
    List<VariableSlot> slots = model.ops().variables();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeUTF(model.signature().name());
      out.writeInt(epoch);
      out.writeInt(slots.size());
      Session.Runner runner = model.session().runner();
      slots.forEach(slot -> runner.fetch(slot.variable()));
      try (Result result = runner.run()) {
        for (int i = 0; i < slots.size(); i++) {
          writeVariable(out, slots.get(i).name(), (TFloat32) result.get(i));
        }
      }
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    ByteBuffer trailer = ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue());
    writeAtomically(file, bytes.toByteArray(), trailer.array());
  }

  /**
   * Restores {@code model}'s variables from {@code file}.
   *
   * @return the epoch the checkpoint was taken after
   */
  public static int restore(CompiledModel<?> model, Path file) throws IOException {
    Snapshot snapshot = read(file);
    if (!snapshot.modelName().equals(model.signature().name())) {
      throw new IOException(file + ": checkpoint of model '" + snapshot.modelName()
          + "', not of '" + model.signature().name() + "'");
    }
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = model.session().runner();
      for (VariableSlot slot : model.ops().variables()) {
        float[] values = snapshot.values().get(slot.name());
        long[] dims = snapshot.shapes().get(slot.name());
        Shape expected = slot.variable().shape();
        if (values == null || !Arrays.equals(dims, expected.asArray())) {
          throw new IOException(file + ": variable '" + slot.name() + "' "
              + (values == null ? "is missing" : "has shape " + Shape.of(dims) + ", expected " + expected));
        }
        TFloat32 tensor = TFloat32.tensorOf(Shape.of(dims), DataBuffers.of(values, true, false));
        tensors.add(tensor);
        runner.feed(slot.value(), tensor).addTarget(slot.assign());
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
    return snapshot.epoch();
  }

  /** Reads and verifies a checkpoint file without a model. */
  public static Snapshot read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < Long.BYTES) {
      throw new IOException(file + ": not a Deepwire checkpoint (too short)");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - Long.BYTES);
    long stored = ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - Long.BYTES))) {
      String magic = in.readUTF();
      if (!magic.equals(MAGIC)) {
        throw new IOException(file + ": not a Deepwire checkpoint (header '" + magic + "')");
      }
      if (crc.getValue() != stored) {
        throw new IOException(file + ": checkpoint is corrupt (checksum mismatch)");
      }
      String modelName = in.readUTF();
      int epoch = in.readInt();
      int count = in.readInt();
      Map<String, float[]> values = new LinkedHashMap<>();
      Map<String, long[]> shapes = new LinkedHashMap<>();
      for (int v = 0; v < count; v++) {
        String name = in.readUTF();
        long[] dims = new long[in.readInt()];
        long size = 1;
        for (int d = 0; d < dims.length; d++) {
          dims[d] = in.readLong();
          size *= dims[d];
        }
        byte[] raw = new byte[Math.toIntExact(size * Float.BYTES)];
        in.readFully(raw);
        float[] floats = new float[(int) size];
        ByteBuffer.wrap(raw).asFloatBuffer().get(floats);
        values.put(name, floats);
        shapes.put(name, dims);
      }
      return new Snapshot(modelName, epoch, values, shapes);
    } catch (EOFException e) {
      throw new IOException(file + ": checkpoint is truncated", e);
    }
  }

  private static void writeVariable(DataOutputStream out, String name, TFloat32 tensor) throws IOException {
    long[] dims = tensor.shape().asArray();
    out.writeUTF(name);
    out.writeInt(dims.length);
    for (long d : dims) {
      out.writeLong(d);
    }
    float[] values = new float[Math.toIntExact(tensor.shape().size())];
    tensor.asRawTensor().data().asFloats().read(values);
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
    buffer.asFloatBuffer().put(values);
    out.write(buffer.array());
  }

  private static void writeAtomically(Path file, byte[] body, byte[] trailer) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
           OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        out.write(body);
        out.write(trailer);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the rename itself durable; some file systems refuse to open directories, which is harmless. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Not supported here: the rename is still atomic, only its durability is up to the OS.
    }
  }

}
