package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Valid models compile cleanly, with their generated code, against the runtime. */
class GoodModelsTest {

  static final JavaFileObject FASHION_DNN = JavaFileObjects.forSourceString("com.example.FashionDnn", """
      package com.example;

      import static dev.deepwire.annotations.ActivationFunction.RELU;
      import static dev.deepwire.annotations.ActivationFunction.SOFTMAX;

      import dev.deepwire.annotations.*;

      @Model(loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
      public class FashionDnn {
        @Input(shape = {28, 28}) Tensor image;
        @Flatten Tensor pixels;
        @Dense(units = 256, activation = RELU) Tensor hidden;
        @Dropout(0.3) Tensor drop;
        @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
      }
      """);

  private static final Path GOLDEN = Path.of("src/test/resources/expected/FashionDnnGraph.java");

  @Test
  void sequentialDnnCompiles() {
    Compilation compilation = Sources.compile(FASHION_DNN);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.FashionDnnGraph");
    assertThat(compilation).generatedSourceFile("com.example.FashionDnnModule");
  }

  @Test
  void graphWithTwoInputsAndTwoOutputsCompiles() {
    Compilation compilation = Sources.compile(Sources.source("Recommender", """
        @Model(loss = MSE, optimizer = @Optimizer(value = OptimizerType.SGD, learningRate = 0.01))
        public interface Recommender {
          @Input(shape = 16) Tensor user();
          @Input(shape = {4, 4}) Tensor item();
          @Flatten Tensor itemFlat(Tensor item);
          @Concatenate Tensor both(Tensor user, Tensor itemFlat);
          @Dense(units = 32, activation = LEAKY_RELU, alpha = 0.1, kernelL2 = 1e-4) Tensor hidden(Tensor both);
          @Dense(units = 32, useBias = false) Tensor skip(Tensor both);
          @Add Tensor residual(Tensor hidden, Tensor skip);
          @Activation(TANH) Tensor act(Tensor residual);
          @Output @Dense(units = 1) Tensor rating(Tensor act);
          @Output(loss = BINARY_CROSSENTROPY, weight = 0.5) @Dense(units = 1, activation = SIGMOID) Tensor click(
              Tensor act);
          @Reshape({-1, 8}) Tensor grid(Tensor act);
        }
        """));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.RecommenderGraph");
  }

  @Test
  void optimizerHyperParametersReachTheSignature() {
    JavaFileObject net = Sources.source("Net", """
        @Model(loss = MSE, optimizer = @Optimizer(value = OptimizerType.ADAMW, learningRate = 3e-4,
            weightDecay = 0.05, clipNorm = 1.0, beta2 = 0.98))
        public class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1) Tensor y;
        }
        """);
    Compilation compilation = Sources.compile(net);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.NetGraph").contentsAsUtf8String().contains(
        ".optimizer(OptimizerSettings.of(OptimizerType.ADAMW, 3.0E-4).beta2(0.98).weightDecay(0.05).clipNorm(1.0))");
  }

  @Test
  void siameseSharesOneSubModel() {
    JavaFileObject tower = Sources.source("Tower", """
        @Model
        public interface Tower {
          @Input(shape = 784) Tensor x();
          @Dense(units = 64, activation = RELU) Tensor h(Tensor x);
          @Output @Dense(units = 16) Tensor code(Tensor h);
        }
        """);
    JavaFileObject siamese = Sources.source("Siamese", """
        @Model(loss = BINARY_CROSSENTROPY)
        public interface Siamese {
          @Input(shape = 784) Tensor left();
          @Input(shape = 784) Tensor right();
          Tower leftCode(Tensor left);
          Tower rightCode(Tensor right);
          @Concatenate Tensor pair(Tensor leftCode, Tensor rightCode);
          @Output @Dense(units = 1, activation = SIGMOID) Tensor same(Tensor pair);
        }
        """);
    Compilation compilation = Sources.compile(tower, siamese);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.SiameseGraph").contentsAsUtf8String()
        .contains("new TowerGraph().forward(scope.child(\"tower\"), Map.of(\"x\", left)).get(\"code\")");
    assertThat(compilation).generatedSourceFile("test.SiameseGraph").contentsAsUtf8String()
        .contains("new TowerGraph().forward(scope.child(\"tower\"), Map.of(\"x\", right)).get(\"code\")");
  }

  @Test
  void sequentialSubModelField() {
    JavaFileObject encoder = Sources.source("Encoder", """
        @Model
        public class Encoder {
          @Input(shape = 8) Tensor x;
          @Output @Dense(units = 4) Tensor code;
        }
        """);
    JavaFileObject classifier = Sources.source("Classifier", """
        @Model(loss = CATEGORICAL_CROSSENTROPY)
        public class Classifier {
          @Input(shape = 8) Tensor x;
          Encoder encoder;
          @Output @Dense(units = 3, activation = SOFTMAX) Tensor label;
        }
        """);
    assertThat(Sources.compile(encoder, classifier)).succeededWithoutWarnings();
  }

  @Test
  void generatedFashionDnnGraphMatchesGolden() throws IOException {
    Compilation compilation = Sources.compile(FASHION_DNN);
    assertThat(compilation).succeeded();
    String actual = compilation.generatedSourceFile("com.example.FashionDnnGraph").orElseThrow()
        .getCharContent(false).toString();
    if ("1".equals(System.getenv("DEEPWIRE_UPDATE_GOLDEN"))) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
  }
}
