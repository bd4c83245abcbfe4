package dev.deepwire.runtime.distributed;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetTarget;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/**
 * Opens a {@link Session} on a TensorFlow server ({@code grpc://host:port}), which TF Java 1.1.0 has no
 * public way to do: the session is created through the C API ({@code TF_SetTarget}) and wrapped with
 * {@code Session}'s package-private constructor. The reflection is confined here; a test opens a session
 * on an in-process server so a TF Java upgrade that changes these internals fails the build, not a run.
 */
final class RemoteSessions {

  private RemoteSessions() {}

  /** A session running {@code graph} on the server at {@code target}, e.g. {@code grpc://127.0.0.1:2223}. */
  static Session open(Graph graph, String target, ConfigProto config) {
    TF_SessionOptions options = TF_NewSessionOptions();
    try (TF_Status status = TF_Status.newStatus(); BytePointer bytes = new BytePointer(config.toByteArray())) {
      TF_SetTarget(options, target);
      TF_SetConfig(options, bytes, bytes.capacity(), status);
      status.throwExceptionIfNotOK();
      TF_Session handle;
      try (AutoCloseable reference = graphReference(graph)) {
        handle = TF_Session.newSession(nativeGraph(reference), options, status);
      }
      status.throwExceptionIfNotOK();
      Constructor<Session> wrap = Session.class.getDeclaredConstructor(Graph.class, TF_Session.class);
      wrap.setAccessible(true);
      return wrap.newInstance(graph, handle);
    } catch (ReflectiveOperationException e) {
      throw internals(e);
    } catch (Exception e) { // closing the graph reference declares Exception but throws none
      throw new IllegalStateException(e);
    } finally {
      TF_DeleteSessionOptions(options);
    }
  }

  /**
   * Tells {@code session} that the graph's initialisers have run, without running them: on a cluster the
   * chief initialises the shared variables and every other session must leave them alone.
   */
  static void markInitialized(Session session) {
    try {
      Method mark = Session.class.getDeclaredMethod("markAllInitializersAsRan");
      mark.setAccessible(true);
      mark.invoke(session);
    } catch (ReflectiveOperationException e) {
      throw internals(e);
    }
  }

  /** A counted reference that keeps the graph open while the C API reads it; the session takes its own. */
  private static AutoCloseable graphReference(Graph graph) throws ReflectiveOperationException {
    Method ref = Graph.class.getDeclaredMethod("ref");
    ref.setAccessible(true);
    return (AutoCloseable) ref.invoke(graph);
  }

  private static TF_Graph nativeGraph(AutoCloseable reference) throws ReflectiveOperationException {
    Method handle = reference.getClass().getDeclaredMethod("nativeHandle");
    handle.setAccessible(true);
    return (TF_Graph) handle.invoke(reference);
  }

  private static IllegalStateException internals(ReflectiveOperationException e) {
    Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
    return new IllegalStateException("cannot open a session on a TensorFlow server with this TF Java version: "
        + cause, cause);
  }
}
