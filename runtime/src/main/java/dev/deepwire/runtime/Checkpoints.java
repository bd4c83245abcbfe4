package dev.deepwire.runtime;

import dev.deepwire.runtime.diagnostics.FaultPoints;
import dev.deepwire.runtime.internal.ModelOps.VariableSlot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
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
 * Saves and restores every variable of a model (weights and optimizer state), with metadata such as the
 * training position.
 *
 * <p>Writes are atomic: the file is written beside the target, forced to disk, then renamed over it, so a
 * crash leaves either the old checkpoint or the new one, never a torn file. A CRC32 catches corruption.
 *
 * <p>Format: {@code "DWCKPT02"}, model name (UTF), metadata count (int) and key/value pairs (UTF), variable
 * count (int), then per variable its name (UTF), rank (int), dimensions (long each), values (big-endian
 * floats); last the CRC32 (long) of everything before it.
 */
public final class Checkpoints {

  private static final String MAGIC = "DWCKPT02";
  private static final String EPOCH = "epoch";

  private Checkpoints() {}

  /** A model's variable values at one moment, with free-form metadata. */
  public record Snapshot(String modelName, Map<String, String> metadata, Map<String, float[]> values,
      Map<String, long[]> shapes) {

    /** The epoch recorded by {@link #save(CompiledModel, Path, int)}, 0 if none. */
    public int epoch() {
      return Integer.parseInt(metadata.getOrDefault(EPOCH, "0"));
    }
  }

  /** Saves {@code model}'s variables to {@code file}, atomically, recording {@code epoch}. */
  public static void save(CompiledModel<?> model, Path file, int epoch) throws IOException {
    write(capture(model, Map.of(EPOCH, Integer.toString(epoch))), file);
  }

  /**
   * Restores {@code model}'s variables from {@code file}.
   *
   * @return the epoch the checkpoint was taken after
   */
  public static int restore(CompiledModel<?> model, Path file) throws IOException {
    Snapshot snapshot = read(file);
    apply(model, snapshot, file.toString());
    return snapshot.epoch();
  }

  /** Reads every variable of {@code model} from its session. */
  public static Snapshot capture(CompiledModel<?> model, Map<String, String> metadata) {
    List<VariableSlot> slots = model.ops().variables();
    Map<String, float[]> values = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Session.Runner runner = model.session().runner();
    slots.forEach(slot -> runner.fetch(slot.variable()));
    try (Result result = runner.run()) {
      for (int i = 0; i < slots.size(); i++) {
        TFloat32 tensor = (TFloat32) result.get(i);
        float[] data = new float[Math.toIntExact(tensor.shape().size())];
        tensor.asRawTensor().data().asFloats().read(data);
        values.put(slots.get(i).name(), data);
        shapes.put(slots.get(i).name(), tensor.shape().asArray());
      }
    }
    return new Snapshot(model.signature().name(), Map.copyOf(metadata), values, shapes);
  }

  /**
   * Sets every variable of {@code model} from {@code snapshot}.
   *
   * @param source names the snapshot in errors, e.g. its file
   */
  public static void apply(CompiledModel<?> model, Snapshot snapshot, String source) throws IOException {
    if (!snapshot.modelName().equals(model.signature().name())) {
      throw new IOException(source + ": checkpoint of model '" + snapshot.modelName()
          + "', not of '" + model.signature().name() + "'");
    }
    for (VariableSlot slot : model.ops().variables()) {
      float[] values = snapshot.values().get(slot.name());
      long[] dims = snapshot.shapes().get(slot.name());
      Shape expected = slot.variable().shape();
      if (values == null || !Arrays.equals(dims, expected.asArray())) {
        throw new IOException(source + ": variable '" + slot.name() + "' "
            + (values == null ? "is missing" : "has shape " + Shape.of(dims) + ", expected " + expected));
      }
    }
    assign(model, snapshot.values(), snapshot.shapes());
  }

  /** Sets the variables of {@code model} named in {@code values} (shapes already checked); leaves the others. */
  static void assign(CompiledModel<?> model, Map<String, float[]> values, Map<String, long[]> shapes) {
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = model.session().runner();
      for (VariableSlot slot : model.ops().variables()) {
        float[] data = values.get(slot.name());
        if (data != null) {
          TFloat32 tensor = TFloat32.tensorOf(Shape.of(shapes.get(slot.name())), DataBuffers.of(data, true, false));
          tensors.add(tensor);
          runner.feed(slot.value(), tensor).addTarget(slot.assign());
        }
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /** Writes {@code snapshot} to {@code file} atomically. */
  public static void write(Snapshot snapshot, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeUTF(snapshot.modelName());
      out.writeInt(snapshot.metadata().size());
      for (Map.Entry<String, String> entry : snapshot.metadata().entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeUTF(entry.getValue());
      }
      out.writeInt(snapshot.values().size());
      for (Map.Entry<String, float[]> entry : snapshot.values().entrySet()) {
        long[] dims = snapshot.shapes().get(entry.getKey());
        out.writeUTF(entry.getKey());
        out.writeInt(dims.length);
        for (long d : dims) {
          out.writeLong(d);
        }
        ByteBuffer buffer = ByteBuffer.allocate(entry.getValue().length * Float.BYTES);
        buffer.asFloatBuffer().put(entry.getValue());
        out.write(buffer.array());
      }
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    writeAtomically(file, bytes.toByteArray(), ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
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
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - Long.BYTES))) {
      String magic = in.readUTF();
      if (!magic.equals(MAGIC)) {
        throw new IOException(file + ": not a Deepwire checkpoint (header '" + magic + "')");
      }
      if (crc.getValue() != stored) {
        throw new IOException(file + ": checkpoint is corrupt (checksum mismatch)");
      }
      String modelName = in.readUTF();
      Map<String, String> metadata = new LinkedHashMap<>();
      for (int m = in.readInt(); m > 0; m--) {
        metadata.put(in.readUTF(), in.readUTF());
      }
      Map<String, float[]> values = new LinkedHashMap<>();
      Map<String, long[]> shapes = new LinkedHashMap<>();
      for (int v = in.readInt(); v > 0; v--) {
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
      return new Snapshot(modelName, metadata, values, shapes);
    } catch (EOFException e) {
      throw new IOException(file + ": checkpoint is truncated", e);
    }
  }

  /**
   * Deletes the temp files that writes of {@code file} killed mid-way left beside it (the file itself, if
   * present, is intact). For files this process owns: another process's write in progress would fail.
   */
  public static void deleteStaleTemps(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return; // nothing written yet
    }
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, file.getFileName() + "*.tmp")) {
      for (Path temp : stale) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void writeAtomically(Path file, byte[] body, byte[] trailer) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
           OutputStream out = Channels.newOutputStream(channel)) {
        int cut = FaultPoints.cut(body.length); // all of it unless a fault harness wants a torn file
        out.write(body, 0, cut);
        FaultPoints.reached(FaultPoints.CHECKPOINT_WRITE, temp);
        out.write(body, cut, body.length - cut);
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
