package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
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

  /** Compiles {@code net} as {@code test/Net.java} and asserts an error containing {@code message} on {@code line}. */
  static void assertError(String net, String message, String line) {
    JavaFileObject src = source("Net", net);
    assertThat(compile(src)).hadErrorContaining(message).inFile(src).onLineContaining(line);
  }

  /** Compiles {@code sources} with the processor. */
  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new DeepwireProcessor()).compile(sources);
  }
}
