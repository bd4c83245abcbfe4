package dev.deepwire.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Builds inline model sources and compiles them with the Deepwire processor. */
final class Sources {

  static final String HEADER = """
      package test;

      import dev.deepwire.annotations.*;
      import static dev.deepwire.annotations.ActivationFunction.*;
      import static dev.deepwire.annotations.Loss.*;

      """;

  private Sources() {}

  /** A source file {@code test/<name>.java}: the common imports followed by {@code body}. */
  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("test." + name, HEADER + body);
  }

  /** Compiles {@code sources} with the processor. */
  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new DeepwireProcessor()).compile(sources);
  }
}
