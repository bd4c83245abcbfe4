package dev.deepwire.runtime.internal;

import java.lang.reflect.Field;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Session;

/**
 * Reads the native {@code TF_Session} of an {@link Session}, which TensorFlow Java keeps in a private field
 * ({@code nativeHandle} in 1.1.0) and does not expose. The raw single-example path needs it to call
 * {@code TF_SessionRun} without {@code Session.Runner}'s per-call allocations. Reflection on a private field
 * breaks when TensorFlow Java changes: this class fails with a message naming the field, and the caller falls
 * back to the Runner path.
 */
final class NativeSessionHandle {

  /** The field of {@code org.tensorflow.Session} that holds the handle in TensorFlow Java 1.1.0. */
  static final String FIELD = "nativeHandle";

  private final String fieldName;

  NativeSessionHandle() {
    this(FIELD);
  }

  /** Reads field {@code fieldName} instead (tests use a missing name to exercise the fallback). */
  NativeSessionHandle(String fieldName) {
    this.fieldName = fieldName;
  }

  /**
   * The live handle of {@code session}. The session keeps owning it: whoever uses it must stop before the
   * session is closed.
   *
   * @throws UnsupportedOperationException if the field is missing, of another type, inaccessible or empty
   */
  TF_Session of(Session session) {
    Object value;
    try {
      Field field = Session.class.getDeclaredField(fieldName);
      field.setAccessible(true); // works while TensorFlow Java sits on the class path, as Deepwire uses it
      value = field.get(session);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unavailable("cannot read it: " + e);
    }
    if (!(value instanceof TF_Session handle) || handle.isNull()) {
      throw unavailable(value == null ? "it is null (the session is closed)"
          : "it holds a " + value.getClass().getName() + ", not a TF_Session");
    }
    return handle;
  }

  private UnsupportedOperationException unavailable(String why) {
    return new UnsupportedOperationException("no native TF_Session in private field '" + fieldName
        + "' of org.tensorflow.Session (TensorFlow Java 1.1.0 has one): " + why);
  }
}
