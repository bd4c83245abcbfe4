package dev.deepwire.runtime.internal;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewBufferFromString;

import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.proto.RunOptions;

/**
 * Run options asking TensorFlow to execute the graph on the calling thread rather than hand it to the inter-op
 * pool and wait: two thread switches fewer per run, which is much of a small run's time. Per run, so a session
 * keeps its pools for everything else.
 */
final class InlineRunOptions {

  private static final byte[] RUN_INLINE = RunOptions.newBuilder().setInterOpThreadPool(-1).build().toByteArray();

  private InlineRunOptions() {}

  /** A new serialized {@code RunOptions} buffer; free it with {@code TF_DeleteBuffer}. */
  static TF_Buffer newBuffer() {
    try (BytePointer bytes = new BytePointer(RUN_INLINE)) {
      return TF_NewBufferFromString(bytes, RUN_INLINE.length); // copies the bytes
    }
  }
}
