package dev.deepwire.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes a compile-testing compilation wrote in memory, so generated graphs can be built and run. */
final class GeneratedClasses extends ClassLoader {

  private static final String OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() != JavaFileObject.Kind.CLASS || !path.startsWith(OUTPUT)) {
        continue;
      }
      String name = path.substring(OUTPUT.length(), path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** A new instance of the generated class {@code name}, e.g. {@code test.NetGraph}. */
  Object instantiate(String name) throws ReflectiveOperationException {
    return loadClass(name).getDeclaredConstructor().newInstance();
  }
}
