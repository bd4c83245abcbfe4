package dev.deepwire.runtime.internal;

import dev.deepwire.runtime.data.Column;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.data.FloatColumn;
import dev.deepwire.runtime.data.IntColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Feeds batches of a {@link Dataset} into placeholders. Rows are copied into feed tensors that
 * are allocated once per batch size and reused, so a step allocates no native memory.
 */
public final class BatchFeeder implements AutoCloseable {

  /** One placeholder and the column that fills it. */
  private static final class Feed {
    final Placeholder<?> placeholder;
    final Column column;
    final int width;
    final long[] exampleDims;
    float[] floatRows;
    int[] intRows;
    Tensor full;
    Tensor partial;
    int partialCount = -1;

    Feed(Placeholder<?> placeholder, Column column, long[] exampleDims) {
      this.placeholder = placeholder;
      this.column = column;
      this.width = column.exampleSize();
      this.exampleDims = exampleDims;
    }
  }

  private final List<Feed> feeds = new ArrayList<>();
  private final int batchSize;

  /**
   * @param placeholders the placeholders to fill, by the name of the column that fills them
   * @param batchSize the size of full batches; a smaller last batch gets a tensor of its own
   */
  public BatchFeeder(Dataset data, Map<String, Placeholder<?>> placeholders, int batchSize) {
    this.batchSize = batchSize;
    placeholders.forEach((columnName, placeholder) -> {
      Column column = data.column(columnName);
      long[] placeholderDims = placeholder.shape().asArray();
      long[] exampleDims = new long[placeholderDims.length - 1];
      long expected = 1;
      for (int i = 1; i < placeholderDims.length; i++) {
        exampleDims[i - 1] = placeholderDims[i];
        expected *= placeholderDims[i];
      }
      if (expected != column.exampleSize()) {
        throw new IllegalArgumentException("column '" + columnName + "' has examples of shape "
            + java.util.Arrays.toString(column.exampleShape()) + " (" + column.exampleSize()
            + " values) but the model expects " + Shape.of(exampleDims) + " (" + expected + " values)");
      }
      feeds.add(new Feed(placeholder, column, exampleDims));
    });
  }

  /** Feeds examples {@code order[from .. from + count)} to {@code runner}. */
  public void feed(Session.Runner runner, int[] order, int from, int count) {
    List<Tensor> tensors = fill(order, from, count);
    for (int i = 0; i < feeds.size(); i++) {
      runner.feed(feeds.get(i).placeholder, tensors.get(i));
    }
  }

  /** The placeholders {@link #fill} fills, in its order. */
  public List<Operand<?>> placeholders() {
    return feeds.stream().<Operand<?>>map(feed -> feed.placeholder).toList();
  }

  /**
   * Writes examples {@code order[from .. from + count)} into the feed tensors and returns them in a new list, in
   * the order of {@link #placeholders()}. They stay owned by this feeder and are rewritten by the next call.
   */
  public List<Tensor> fill(int[] order, int from, int count) {
    List<Tensor> tensors = new ArrayList<>(feeds.size());
    for (Feed feed : feeds) {
      Tensor tensor = tensorFor(feed, count);
      if (tensor instanceof TFloat32 floats) {
        writeFloats(feed, floats.asRawTensor().data().asFloats(), order, from, count);
      } else {
        writeInts(feed, ((TInt32) tensor).asRawTensor().data().asInts(), order, from, count);
      }
      tensors.add(tensor);
    }
    return tensors;
  }

  private Tensor tensorFor(Feed feed, int count) {
    if (count == batchSize) {
      if (feed.full == null) {
        feed.full = allocate(feed, count);
      }
      return feed.full;
    }
    if (feed.partialCount != count) {
      if (feed.partial != null) {
        feed.partial.close();
      }
      feed.partial = allocate(feed, count);
      feed.partialCount = count;
    }
    return feed.partial;
  }

  private static Tensor allocate(Feed feed, int count) {
    long[] dims = new long[feed.exampleDims.length + 1];
    dims[0] = count;
    System.arraycopy(feed.exampleDims, 0, dims, 1, feed.exampleDims.length);
    return feed.placeholder.type() == TInt32.class
        ? TInt32.tensorOf(Shape.of(dims)) : TFloat32.tensorOf(Shape.of(dims));
  }

  // Rows are gathered on the Java heap (arraycopy is cheap) and written to native memory in one call:
  // a native write per row costs more than the copy itself.

  private void writeFloats(Feed feed, FloatDataBuffer dst, int[] order, int from, int count) {
    int w = feed.width;
    if (feed.floatRows == null) {
      feed.floatRows = new float[batchSize * w];
    }
    float[] rows = feed.floatRows;
    if (feed.column instanceof FloatColumn column) {
      column.gather(order, from, count, rows);
    } else {
      int[] values = ((IntColumn) feed.column).values();
      for (int i = 0; i < count; i++) {
        int row = order[from + i] * w;
        for (int j = 0; j < w; j++) {
          rows[i * w + j] = values[row + j];
        }
      }
    }
    dst.write(rows, 0, count * w);
  }

  private void writeInts(Feed feed, IntDataBuffer dst, int[] order, int from, int count) {
    int w = feed.width;
    if (feed.intRows == null) {
      feed.intRows = new int[batchSize * w];
    }
    int[] rows = feed.intRows;
    if (feed.column instanceof IntColumn column) {
      column.gather(order, from, count, rows);
    } else {
      float[] values = ((FloatColumn) feed.column).values();
      for (int i = 0; i < count; i++) {
        int row = order[from + i] * w;
        for (int j = 0; j < w; j++) {
          rows[i * w + j] = Math.round(values[row + j]);
        }
      }
    }
    dst.write(rows, 0, count * w);
  }

  @Override
  public void close() {
    for (Feed feed : feeds) {
      if (feed.full != null) {
        feed.full.close();
      }
      if (feed.partial != null) {
        feed.partial.close();
      }
    }
  }
}
